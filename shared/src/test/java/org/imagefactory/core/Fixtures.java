package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.imagefactory.core.internal.Orientation;

/** Makes test images with the JDK's own encoders and reads results back, so no test depends on a tool. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A result the way a user sees it: the decoded pixels plus what the pipeline said about them. */
    public record Output(BufferedImage image, Rendition rendition) {
    }

    /** Probes, normalizes and renders {@code source} with URL-style arguments such as {@code scalex=30&encoding=png}. */
    public static Output render(Path source, String query) throws IOException {
        return render(new ResizePipeline(), source, query);
    }

    public static Output render(ResizePipeline pipeline, Path source, String query) throws IOException {
        SourceInfo info = pipeline.probe(source);
        VariantSpec spec = pipeline.normalize(VariantRequest.fromQueryString(query), info);
        Rendition rendition = pipeline.render(source, info, spec);
        BufferedImage image = decode(rendition.data());
        assertThat(image.getWidth()).as("decoded width of %s", source).isEqualTo(rendition.size().width());
        assertThat(image.getHeight()).as("decoded height of %s", source).isEqualTo(rendition.size().height());
        return new Output(image, rendition);
    }

    public static BufferedImage decode(byte[] data) {
        try (InputStream in = new ByteArrayInputStream(data)) {
            BufferedImage image = ImageIO.read(in);
            assertThat(image).as("an image ImageIO can read back").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An opaque image filled with one colour. */
    public static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    public static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no " + format + " writer for image type " + image.getType());
        }
        return file;
    }

    public static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        return encode(image, "jpeg", param -> param.setCompressionQuality(quality / 100f));
    }

    /** The image as WebP through the project's WebP writer: {@code "Lossless"}, or {@code "Lossy"} at quality 80. */
    public static byte[] webp(BufferedImage image, String compression) {
        return encode(image, "webp", param -> {
            param.setCompressionType(Arrays.stream(param.getCompressionTypes())
                    .filter(type -> type.equalsIgnoreCase(compression)).findFirst().orElseThrow());
            if (compression.equalsIgnoreCase("lossy")) {
                param.setCompressionQuality(0.8f);
            }
        });
    }

    private static byte[] encode(BufferedImage image, String format, Consumer<ImageWriteParam> settings) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            settings.accept(param);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Inserts an Exif APP1 segment holding only an orientation tag after the JPEG's SOI and JFIF segment, in
     * big-endian ({@code MM}) or little-endian ({@code II}) TIFF byte order.
     */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean bigEndian) {
        byte[] tiff = exifTiff(orientation, bigEndian);
        ByteBuffer segment = ByteBuffer.allocate(4 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        segment.put("Exif".getBytes()).put((byte) 0).put((byte) 0).put(tiff);
        int insertAt = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            insertAt = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        return splice(jpeg, insertAt, segment.array());
    }

    /** A TIFF structure with one IFD holding one SHORT entry, tag 0x0112 (Orientation). */
    static byte[] exifTiff(int orientation, boolean bigEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) (bigEndian ? 'M' : 'I')).put((byte) (bigEndian ? 'M' : 'I')).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return tiff.array();
    }

    /** Adds a chunk (with its CRC) to a PNG right after IHDR. */
    public static byte[] withPngChunk(byte[] png, String type, byte[] data) {
        int ihdrEnd = 8 + 4 + 4 + 13 + 4;
        return splice(png, ihdrEnd, pngChunk(type, data));
    }

    public static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length).order(ByteOrder.BIG_ENDIAN);
        chunk.putInt(data.length).put(type.getBytes()).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    static byte[] splice(byte[] data, int at, byte[] insert) {
        byte[] out = new byte[data.length + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at, out, at + insert.length, data.length - at);
        return out;
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test fixture " + name, e);
        }
    }

    /** Red, green, blue and alpha of one pixel, for messages that say which channel is off. */
    public static int[] rgba(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, p >>> 24};
    }

    /** Asserts a pixel's colour within {@code tolerance} on each of red, green and blue. */
    public static void assertColor(BufferedImage image, int x, int y, Color expected, int tolerance) {
        int[] actual = rgba(image, x, y);
        String description = String.format("pixel (%d,%d) = rgb(%d,%d,%d), expected rgb(%d,%d,%d) ± %d", x, y,
                actual[0], actual[1], actual[2], expected.getRed(), expected.getGreen(), expected.getBlue(), tolerance);
        assertThat(Math.abs(actual[0] - expected.getRed())).as(description).isLessThanOrEqualTo(tolerance);
        assertThat(Math.abs(actual[1] - expected.getGreen())).as(description).isLessThanOrEqualTo(tolerance);
        assertThat(Math.abs(actual[2] - expected.getBlue())).as(description).isLessThanOrEqualTo(tolerance);
    }

    public static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }
}
