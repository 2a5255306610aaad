package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagefactory.core.Fixtures.alpha;
import static org.imagefactory.core.Fixtures.assertColor;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.imagefactory.core.internal.gif.GifDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GIFs as browsers, libvips and Pillow show them: the first frame composed on the canvas (transparent where the
 * frame does not reach), minimum code sizes up to 11, and an image followed by anything at all.
 */
class GifCanvasTest {

    private static final Color GREEN = new Color(30, 200, 30);

    @TempDir
    Path dir;

    @Test
    void frameSmallerThanItsScreenIsComposedOnTheWholeCanvas() throws IOException {
        byte[] gif = onScreen(gif(Fixtures.filled(50, 50, GREEN), false), 100, 100, 25, 10);
        Path file = Files.write(dir.resolve("offset.gif"), gif);

        SourceInfo info = new ResizePipeline().probe(file);
        Fixtures.Output output = Fixtures.render(file, "encoding=png");

        assertThat(info.width()).isEqualTo(100);
        assertThat(info.height()).isEqualTo(100);
        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(100, 100));
        assertColor(output.image(), 50, 35, GREEN, 0);
        assertThat(alpha(output.image(), 50, 35)).isEqualTo(255);
        assertThat(alpha(output.image(), 24, 35)).as("left of the frame").isZero();
        assertThat(alpha(output.image(), 75, 35)).as("right of the frame").isZero();
        assertThat(alpha(output.image(), 50, 9)).as("above the frame").isZero();
        assertThat(alpha(output.image(), 50, 60)).as("below the frame").isZero();
    }

    @Test
    void tallFrameOfALargerScreenKeepsTheScreenSizeWhenResized() throws IOException {
        byte[] gif = onScreen(gif(Fixtures.filled(630, 870, GREEN), false), 1000, 1000, 0, 0);
        Path file = Files.write(dir.resolve("large-screen.gif"), gif);

        Fixtures.Output output = Fixtures.render(file, "scalex=300&encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(300, 300));
        assertColor(output.image(), 100, 100, GREEN, 0);
        assertThat(alpha(output.image(), 250, 100)).as("right of the frame").isZero();
        assertThat(alpha(output.image(), 100, 290)).as("below the frame").isZero();
    }

    @Test
    void frameReachingPastItsScreenGrowsTheCanvas() throws IOException {
        byte[] gif = onScreen(gif(Fixtures.filled(40, 30, GREEN), false), 50, 20, 20, 5);
        Path file = Files.write(dir.resolve("past.gif"), gif);

        Fixtures.Output output = Fixtures.render(file, "encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(60, 35));
        assertColor(output.image(), 59, 34, GREEN, 0);
        assertThat(alpha(output.image(), 5, 5)).isZero();
    }

    /** The pixels ImageIO's GIF reader gave for every GIF it read (the committed fixtures' bytes stay the same). */
    @ParameterizedTest(name = "interlaced {0}, subsampling {1}")
    @CsvSource({"false, 1", "true, 1", "false, 3", "true, 4", "true, 7"})
    void fullCanvasFramesDecodeToImageIOsPixels(boolean interlaced, int subsampling) throws IOException {
        BufferedImage noise = new BufferedImage(61, 47, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        Path file = Files.write(dir.resolve("noise.gif"), gif(noise, interlaced));
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        BufferedImage expected;
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
            int offset = (subsampling - 1) / 2;
            param.setSourceSubsampling(subsampling, subsampling, offset, offset);
            expected = reader.read(0, param);
        } finally {
            reader.dispose();
        }

        BufferedImage actual = GifDecoder.decode(file, 61, 47, subsampling);

        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        assertThat(actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth()))
                .isEqualTo(expected.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth()));
    }

    @Test
    void minimumCodeSizeOf11IsDecoded() throws IOException {
        Path file = Files.write(dir.resolve("code-size-11.gif"), literalGif(8, 4, 11));

        Fixtures.Output output = Fixtures.render(file, "encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(8, 4));
        assertColor(output.image(), 1, 1, Color.RED, 0);
        assertColor(output.image(), 6, 1, Color.BLUE, 0);
    }

    @Test
    void minimumCodeSizeOf12IsRefusedInOurWords() throws IOException {
        Path file = Files.write(dir.resolve("code-size-12.gif"), literalGif(8, 4, 11));
        byte[] data = Files.readAllBytes(file);
        data[literalGifCodeSizeAt()] = 12;
        Files.write(file, data);

        assertThat(Refusals.of(file).getMessage())
                .isEqualTo(file + ": the GIF image data has an LZW minimum code size of 12 (1 to 11 can be decoded)");
    }

    @Test
    void imageFollowedByASecondHeaderDecodesTheFirstImage() throws IOException {
        byte[] first = gif(Fixtures.filled(20, 10, GREEN), false);
        byte[] second = gif(Fixtures.filled(30, 30, Color.RED), false);
        byte[] joined = Arrays.copyOf(first, first.length - 1 + second.length);
        System.arraycopy(second, 0, joined, first.length - 1, second.length);
        Path file = Files.write(dir.resolve("two-headers.gif"), joined);

        Fixtures.Output output = Fixtures.render(file, "encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(20, 10));
        assertColor(output.image(), 10, 5, GREEN, 0);
    }

    /** A GIF written by the JDK, which puts no extension before its one image. */
    static byte[] gif(BufferedImage image, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Sets the logical screen's size and moves the first image to ({@code left}, {@code top}). */
    static byte[] onScreen(byte[] gif, int width, int height, int left, int top) {
        byte[] out = gif.clone();
        put16(out, 6, width);
        put16(out, 8, height);
        int at = 13 + ((out[10] & 0x80) != 0 ? 3 << ((out[10] & 7) + 1) : 0);
        assertThat(out[at]).as("the JDK's GIF starts its image right after the colour table").isEqualTo((byte) 0x2C);
        put16(out, at + 1, left);
        put16(out, at + 3, top);
        return out;
    }

    /**
     * A GIF whose image data is only literal codes: the left half index 1 (red), the right half 2 (blue). With a
     * minimum code size of 11 every code is 12 bits from the first one on (the table fills and stops growing).
     */
    static byte[] literalGif(int width, int height, int minimumCodeSize) {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        gif.writeBytes("GIF89a".getBytes());
        gif.writeBytes(new byte[] {(byte) width, 0, (byte) height, 0, (byte) 0x81, 0, 0});
        gif.writeBytes(new byte[] {0, 0, 0, (byte) 255, 0, 0, 0, 0, (byte) 255, 0, 0, 0});
        gif.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, (byte) width, 0, (byte) height, 0, 0});
        gif.write(minimumCodeSize);
        int clear = 1 << minimumCodeSize;
        BitWriter bits = new BitWriter();
        bits.write(clear, 12);
        for (int i = 0; i < width * height; i++) {
            bits.write(i % width < width / 2 ? 1 : 2, 12);
        }
        bits.write(clear + 1, 12);
        byte[] data = bits.bytes();
        for (int at = 0; at < data.length; at += 255) {
            int size = Math.min(255, data.length - at);
            gif.write(size);
            gif.write(data, at, size);
        }
        gif.write(0);
        gif.write(0x3B);
        return gif.toByteArray();
    }

    static int literalGifCodeSizeAt() {
        return 13 + 12 + 10;
    }

    private static void put16(byte[] data, int at, int value) {
        data[at] = (byte) value;
        data[at + 1] = (byte) (value >> 8);
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int bits;
        private int count;

        void write(int code, int size) {
            bits |= code << count;
            count += size;
            while (count >= 8) {
                out.write(bits & 0xFF);
                bits >>>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write(bits & 0xFF);
            }
            return out.toByteArray();
        }
    }
}
