package org.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * The few of the core's test helpers ({@code org.imagefactory.core.Fixtures}) the command line's tests use, copied
 * so this module does not depend on the core's test classes: images made with the JDK's own encoders.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** An opaque image filled with one colour. */
    static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no " + format + " writer for image type " + image.getType());
        }
        return file;
    }

    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length).order(ByteOrder.BIG_ENDIAN);
        chunk.putInt(data.length).put(type.getBytes()).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** Asserts a pixel's colour within {@code tolerance} on each of red, green and blue. */
    static void assertColor(BufferedImage image, int x, int y, Color expected, int tolerance) {
        int p = image.getRGB(x, y);
        int[] actual = {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
        String description = String.format("pixel (%d,%d) = rgb(%d,%d,%d), expected rgb(%d,%d,%d) ± %d", x, y,
                actual[0], actual[1], actual[2], expected.getRed(), expected.getGreen(), expected.getBlue(), tolerance);
        assertThat(Math.abs(actual[0] - expected.getRed())).as(description).isLessThanOrEqualTo(tolerance);
        assertThat(Math.abs(actual[1] - expected.getGreen())).as(description).isLessThanOrEqualTo(tolerance);
        assertThat(Math.abs(actual[2] - expected.getBlue())).as(description).isLessThanOrEqualTo(tolerance);
    }
}
