package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A subject in one corner of a quiet, slightly noisy photo-like background, cropped to a square: {@code attention}
 * and {@code entropy} keep all of it, {@code center} cuts it off. Subjects of each kind salience looks for: a face
 * (skin tone), a saturated flower-like disc, and a black-and-white pattern with no colour at all (edges).
 */
class SmartCropTest {

    private static final Color SKIN = new Color(224, 172, 138);

    @TempDir
    Path dir;

    private static final Color PETAL = new Color(230, 40, 140);

    /** What a subject is painted with, and how its pixels are told from the background's in an output. */
    enum Subject {
        FACE, FLOWER, PATTERN;

        boolean isIn(Color c) {
            return switch (this) {
                case FACE -> near(c, SKIN);
                case FLOWER -> near(c, PETAL);
                case PATTERN -> near(c, Color.BLACK) || near(c, Color.WHITE);
            };
        }
    }

    static Stream<Arguments> corners() {
        return Stream.of(Subject.values()).flatMap(subject -> Stream.of("northwest", "northeast", "southwest",
                "southeast").flatMap(corner -> Stream.of(Arguments.of(subject, corner, 1200, 800, 1),
                        Arguments.of(subject, corner, 800, 1200, 1), Arguments.of(subject, corner, 1200, 800, 6))));
    }

    @ParameterizedTest(name = "{0} {1} of {2}x{3}, orientation {4}")
    @MethodSource("corners")
    void smartGravitiesKeepASubjectInACornerThatCenterCuts(Subject kind, String corner, int width, int height,
            int orientation) throws IOException {
        int radius = Math.min(width, height) / 8;
        int cx = corner.endsWith("west") ? radius + 40 : width - radius - 40;
        int cy = corner.startsWith("north") ? radius + 40 : height - radius - 40;
        BufferedImage picture = picture(width, height, cx, cy, radius, kind);
        double subject = count(picture, kind) * Math.pow(300.0 / Math.min(width, height), 2);
        Path source = source(picture, orientation);

        for (String gravity : new String[] {"attention", "entropy"}) {
            BufferedImage crop = Fixtures.render(source, "scalex=300&scaley=300&fit=cover&encoding=png&gravity="
                    + gravity).image();
            assertThat(crop.getWidth()).isEqualTo(300);
            assertThat(crop.getHeight()).isEqualTo(300);
            assertThat((double) count(crop, kind)).as("%s keeps the subject", gravity).isGreaterThan(subject * 0.85);
        }
        BufferedImage centre = Fixtures.render(source, "scalex=300&scaley=300&fit=cover&encoding=png").image();
        assertThat((double) count(centre, kind)).as("center cuts the subject").isLessThan(subject * 0.5);
    }

    /** A smooth background with a little sensor noise, and the subject centred on ({@code cx}, {@code cy}). */
    private static BufferedImage picture(int width, int height, int cx, int cy, int radius, Subject kind) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + cx * 7L + cy);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = 90 + 40 * y / height + random.nextInt(7) - 3;
                image.setRGB(x, y, new Color(base, base + 10, base + 25).getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (kind == Subject.FLOWER) {
            g.setColor(PETAL);
            g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
            g.setColor(new Color(250, 210, 40));
            g.fillOval(cx - radius / 4, cy - radius / 4, radius / 2, radius / 2);
            g.dispose();
            return image;
        }
        if (kind == Subject.PATTERN) {
            int cell = Math.max(4, radius / 5);
            for (int y = cy - radius; y < cy + radius; y += cell) {
                for (int x = cx - radius; x < cx + radius; x += cell) {
                    g.setColor(((x - cx + radius) / cell + (y - cy + radius) / cell) % 2 == 0 ? Color.BLACK
                            : Color.WHITE);
                    g.fillRect(x, y, cell, cell);
                }
            }
            g.dispose();
            return image;
        }
        g.setColor(SKIN);
        g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
        g.setColor(new Color(40, 30, 25));
        int eye = Math.max(2, radius / 8);
        g.fillOval(cx - radius / 3 - eye, cy - radius / 4 - eye, 2 * eye, 2 * eye);
        g.fillOval(cx + radius / 3 - eye, cy - radius / 4 - eye, 2 * eye, 2 * eye);
        g.fillRect(cx - radius / 3, cy + radius / 3, 2 * radius / 3, Math.max(2, radius / 12));
        g.dispose();
        return image;
    }

    private static int count(BufferedImage image, Subject kind) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (kind.isIn(new Color(image.getRGB(x, y)))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean near(Color c, Color target) {
        return Math.abs(c.getRed() - target.getRed()) < 30 && Math.abs(c.getGreen() - target.getGreen()) < 30
                && Math.abs(c.getBlue() - target.getBlue()) < 30;
    }

    private Path source(BufferedImage upright, int orientation) throws IOException {
        Path file = dir.resolve("subject-" + upright.getWidth() + "-" + orientation + ".jpg");
        Files.write(file, Fixtures.withExifOrientation(
                Fixtures.jpeg(ExifOrientationTest.stored(upright, orientation), 92), orientation, true));
        return file;
    }
}
