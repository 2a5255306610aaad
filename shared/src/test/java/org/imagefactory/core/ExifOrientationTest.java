package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagefactory.core.Fixtures.assertColor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each source is stored the way a camera held in that position stores it, tagged with the orientation that
 * brings it upright. Whatever the tag, the output must show the picture as designed: 60 wide, 40 high, red in
 * the top-left corner, green in the top-right, blue along the bottom.
 */
class ExifOrientationTest {

    private static final Color RED = new Color(220, 20, 20);
    private static final Color GREEN = new Color(20, 200, 20);
    private static final Color BLUE = new Color(20, 20, 220);
    private static final Color GREY = new Color(128, 128, 128);

    @TempDir
    Path dir;

    /** The picture as it should be displayed. */
    static BufferedImage upright() {
        BufferedImage image = Fixtures.filled(60, 40, GREY);
        Graphics2D g = image.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, 20, 14);
        g.setColor(GREEN);
        g.fillRect(40, 0, 20, 14);
        g.setColor(BLUE);
        g.fillRect(0, 30, 60, 10);
        g.dispose();
        return image;
    }

    /**
     * What the sensor stored for a given tag: the inverse of the transformation the tag asks a viewer to apply
     * (EXIF 2.3, tag 0x0112): 6 means "rotate 90° clockwise to view", so the stored picture is turned
     * counter-clockwise; 5 and 7 are their own inverses.
     */
    static BufferedImage stored(BufferedImage upright, int orientation) {
        return switch (orientation) {
            case 1 -> upright;
            case 2 -> flipHorizontal(upright);
            case 3 -> flipHorizontal(flipVertical(upright));
            case 4 -> flipVertical(upright);
            case 5 -> transpose(upright);
            case 6 -> flipVertical(transpose(upright));
            case 7 -> flipHorizontal(flipVertical(transpose(upright)));
            case 8 -> flipHorizontal(transpose(upright));
            default -> throw new IllegalArgumentException("orientation " + orientation);
        };
    }

    @ParameterizedTest(name = "JPEG with orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegIsShownUprightAtFullSize(int orientation) throws IOException {
        Path source = jpegSource(orientation);

        SourceInfo info = new ResizePipeline().probe(source);
        assertThat(info.orientation()).isEqualTo(orientation);
        assertThat(info.width()).isEqualTo(60);
        assertThat(info.height()).isEqualTo(40);

        Fixtures.Output output = Fixtures.render(source, "encoding=png");
        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(60, 40));
        assertUpright(output.image());
    }

    @ParameterizedTest(name = "JPEG with orientation {0}, box 30x30")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegIsShownUprightWhenResizedToFitTheDisplayedBox(int orientation) throws IOException {
        Path source = jpegSource(orientation);

        Fixtures.Output output = Fixtures.render(source, "scalex=30&scaley=30&encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(30, 20));
        assertUpright(output.image());
    }

    /** 600x400 displayed, reduced 10×: the decoder subsamples the stored (possibly transposed) image. */
    @ParameterizedTest(name = "large JPEG with orientation {0}, reduced 10x")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void subsampledDecodeIsOrientedToo(int orientation) throws IOException {
        BufferedImage large = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.drawImage(upright(), 0, 0, 600, 400, null);
        g.dispose();
        Path source = dir.resolve("large" + orientation + ".jpg");
        Files.write(source,
                Fixtures.withExifOrientation(Fixtures.jpeg(stored(large, orientation), 90), orientation, true));

        Fixtures.Output output = Fixtures.render(source, "scalex=60&scaley=60&encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(60, 40));
        assertUpright(output.image());
    }

    /** Photoshop stores extended XMP as dozens of 64 KB APP1 segments; only the Exif one holds the orientation. */
    @Test
    void jpegOrientationIsFoundAmongMegabytesOfXmpSegments() throws IOException {
        byte[] jpeg = Fixtures.jpeg(stored(upright(), 6), 95);
        ByteArrayOutputStream source = new ByteArrayOutputStream();
        source.write(jpeg, 0, 2);
        source.write(xmpSegments(3));
        source.write(exifSegment(6));
        source.write(xmpSegments(40));
        source.write(exifSegment(3));
        source.write(jpeg, 2, jpeg.length - 2);
        Path file = dir.resolve("xmp.jpg");
        Files.write(file, source.toByteArray());

        assertThat(new ResizePipeline().probe(file).orientation()).as("the first Exif segment's orientation")
                .isEqualTo(6);
        assertUpright(Fixtures.render(file, "encoding=png").image());
    }

    private static byte[] exifSegment(int orientation) {
        byte[] withSegment = Fixtures.withExifOrientation(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0}, orientation,
                true);
        return Arrays.copyOfRange(withSegment, 2, withSegment.length - 2);
    }

    private static byte[] xmpSegments(int count) {
        int length = 65_000;
        byte[] tag = "http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer segments = ByteBuffer.allocate(count * (2 + length));
        for (int i = 0; i < count; i++) {
            segments.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(tag);
            segments.position(segments.position() + length - 2 - tag.length);
        }
        return segments.array();
    }

    @ParameterizedTest(name = "PNG with an eXIf chunk, orientation {0}")
    @ValueSource(ints = {3, 6, 8})
    void pngExifChunkIsApplied(int orientation) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(stored(upright(), orientation), "png", png);
        Path source = dir.resolve("o" + orientation + ".png");
        Files.write(source, Fixtures.withPngChunk(png.toByteArray(), "eXIf", Fixtures.exifTiff(orientation, true)));

        Fixtures.Output output = Fixtures.render(source, "scalex=30");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(30, 20));
        assertUpright(output.image());
    }

    private Path jpegSource(int orientation) throws IOException {
        byte[] jpeg = Fixtures.jpeg(stored(upright(), orientation), 95);
        Path source = dir.resolve("o" + orientation + ".jpg");
        Files.write(source, Fixtures.withExifOrientation(jpeg, orientation, orientation % 2 == 0));
        return source;
    }

    /** Samples the middle of each marked area, scaled to the output size. */
    private static void assertUpright(BufferedImage image) {
        assertThat(image.getWidth()).as("displayed width").isGreaterThan(image.getHeight());
        int w = image.getWidth();
        int h = image.getHeight();
        assertColor(image, w * 10 / 60, h * 7 / 40, RED, 40);
        assertColor(image, w * 50 / 60, h * 7 / 40, GREEN, 40);
        assertColor(image, w * 30 / 60, h * 35 / 40, BLUE, 40);
        assertColor(image, w * 30 / 60, h * 20 / 40, GREY, 40);
    }

    private static BufferedImage flipHorizontal(BufferedImage image) {
        int w = image.getWidth();
        BufferedImage out = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, y, image.getRGB(x, y));
            }
        }
        return out;
    }

    private static BufferedImage flipVertical(BufferedImage image) {
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(image.getWidth(), h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(x, h - 1 - y, image.getRGB(x, y));
            }
        }
        return out;
    }

    private static BufferedImage transpose(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(y, x, image.getRGB(x, y));
            }
        }
        return out;
    }
}
