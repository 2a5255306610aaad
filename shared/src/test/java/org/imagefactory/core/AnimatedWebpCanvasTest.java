package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagefactory.core.Fixtures.alpha;
import static org.imagefactory.core.Fixtures.assertColor;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An animated WebP's first frame as browsers show it: at its offset on the canvas, transparent around it (up to
 * the resampler's ringing next to the frame's edge in the smallest sizes). It was stretched to the canvas.
 */
class AnimatedWebpCanvasTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "scalex={0}")
    @CsvSource({"80, 80", "60, 60", "40, 40", "20, 20"})
    void offsetFrameIsComposedOnItsCanvas(int scalex, int expected) throws IOException {
        BufferedImage frame = Fixtures.filled(56, 56, Color.RED);
        java.awt.Graphics2D g = frame.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(28, 0, 28, 56);
        g.dispose();
        byte[] webp = AnimatedWebp.of(80, 80, 12, 12, frame, Fixtures.filled(80, 80, Color.GREEN));
        Path file = Files.write(dir.resolve("offset.webp"), webp);

        Fixtures.Output output = Fixtures.render(file, "scalex=" + scalex + "&encoding=png");

        double scale = expected / 80.0;
        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(expected, expected));
        BufferedImage image = output.image();
        assertColor(image, (int) (25 * scale), (int) (40 * scale), Color.RED, 8);
        assertColor(image, (int) (55 * scale), (int) (40 * scale), Color.BLUE, 8);
        assertThat(alpha(image, (int) (4 * scale), (int) (40 * scale))).as("left of the frame").isLessThanOrEqualTo(2);
        assertThat(alpha(image, (int) (76 * scale), (int) (40 * scale))).as("right of the frame").isLessThanOrEqualTo(2);
        assertThat(alpha(image, (int) (40 * scale), (int) (4 * scale))).as("above the frame").isLessThanOrEqualTo(2);
        assertThat(alpha(image, (int) (40 * scale), (int) (76 * scale))).as("below the frame").isLessThanOrEqualTo(2);
    }
}
