package org.imagefactory.filter;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images made for the tests with ImageIO, so nothing is fetched and every expected pixel is known. */
final class TestImages {

    private TestImages() {
    }

    /** A gradient from {@code color} to black, with {@code noise} random pixels so encoders have work to do. */
    static BufferedImage picture(int width, int height, Color color, boolean noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, color, width, height, color.darker()));
        g.fillRect(0, 0, width, height);
        g.dispose();
        if (noise) {
            Random random = new Random(width * 31L + height);
            for (int y = 0; y < height; y += 2) {
                for (int x = 0; x < width; x += 2) {
                    image.setRGB(x, y, image.getRGB(x, y) ^ (random.nextInt() & 0x0f0f0f));
                }
            }
        }
        return image;
    }

    static Path write(Path file, BufferedImage image, String format) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] slowGif;

    /**
     * A 49 MP GIF of one colour, 40 KB, that ImageIO takes a second or more to decode; made once per test JVM,
     * since writing it takes as long.
     */
    static synchronized byte[] slowGif() {
        if (slowGif == null) {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                ImageIO.write(new BufferedImage(7000, 7000, BufferedImage.TYPE_BYTE_INDEXED), "gif", out);
                slowGif = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return slowGif;
    }

    static BufferedImage read(byte[] data) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            if (image == null) {
                throw new AssertionError("not an image ImageIO reads: " + data.length + " bytes");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG that claims {@code width}×{@code height} pixels: signature, IHDR, then an empty IDAT and IEND. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4 + 2 * 12)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue())
                .putInt(0).put("IDAT".getBytes()).putInt(0x35af061e)
                .putInt(0).put("IEND".getBytes()).putInt(0xae426082).array();
    }

    /** The colour at the centre of an image, as 0xRRGGBB. */
    static int centre(BufferedImage image) {
        return image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xffffff;
    }
}
