package org.imagefactory.maven;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Small real images written with ImageIO, so the tests need no fixture files. */
final class TestImages {

    private TestImages() {
    }

    static Path write(Path file, int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    /** A JPEG whose header promises an image but whose data stops short. */
    static Path truncatedJpeg(Path file) throws IOException {
        Path whole = write(file, 300, 200, "jpeg");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        return file;
    }

    static int[] size(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not an image ImageIO reads");
        }
        return new int[] {image.getWidth(), image.getHeight()};
    }
}
