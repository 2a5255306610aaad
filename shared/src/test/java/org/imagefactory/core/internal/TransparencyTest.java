package org.imagefactory.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagefactory.core.Fixtures.alpha;
import static org.imagefactory.core.Fixtures.assertColor;
import static org.imagefactory.core.Fixtures.rgba;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.imagefactory.core.Fixtures;
import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.internal.ImageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transparent pixels are stored as transparent <em>black</em> (0x00000000), which is what most encoders write
 * and what turns edges dark when a resizer or a flattener ignores alpha.
 */
class TransparencyTest {

    private static final Color RED = new Color(200, 30, 30);

    @TempDir
    Path dir;

    /**
     * 301x200: columns 0..149 transparent black, column 150 red at half alpha, the rest opaque red; an odd width
     * so that every downscale mixes transparent and opaque pixels at the edge.
     */
    private Path edgeSource() throws IOException {
        BufferedImage image = new BufferedImage(301, 200, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 301; x++) {
                int a = x < 150 ? 0 : x == 150 ? 128 : 255;
                image.setRGB(x, y, a == 0 ? 0 : a << 24 | RED.getRGB() & 0xFFFFFF);
            }
        }
        return Fixtures.write(image, "png", dir.resolve("edge.png"));
    }

    /**
     * JPEG output blends translucent pixels onto the background itself, straight into the bytes the JPEG writer
     * takes; every (alpha, channel) pair must come out as Java2D's source-over (which flattens for BMP) makes it.
     */
    @Test
    void jpegBlendingAgreesWithJava2dForEveryAlphaAndChannel() {
        BufferedImage pairs = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        for (int a = 0; a < 256; a++) {
            for (int c = 0; c < 256; c++) {
                pairs.setRGB(c, a, a << 24 | c << 16 | (255 - c) << 8 | (c * 7 & 0xFF));
            }
        }
        Color background = new Color(51, 102, 204);

        BufferedImage java2d = ImageEncoder.flatten(pairs, background);
        BufferedImage bytes = ImageEncoder.rgbBytes(pairs, background);

        for (int a = 0; a < 256; a++) {
            for (int c = 0; c < 256; c++) {
                assertThat(Integer.toHexString(bytes.getRGB(c, a))).as("alpha %d, channel %d", a, c)
                        .isEqualTo(Integer.toHexString(java2d.getRGB(c, a)));
            }
        }
    }

    @ParameterizedTest(name = "to {0}")
    @ValueSource(strings = {"jpeg", "bmp"})
    void transparencyBecomesWhiteByDefault(String encoding) throws IOException {
        Fixtures.Output output = Fixtures.render(edgeSource(), "scalex=43&encoding=" + encoding);

        assertColor(output.image(), 5, 10, Color.WHITE, 4);
        assertColor(output.image(), 38, 10, RED, 10);
        assertNoDarkFringe(output.image(), Color.WHITE, encoding.equals("jpeg") ? 24 : 4);
    }

    @Test
    void transparencyBecomesTheConfiguredBackground() throws IOException {
        Color background = PipelineOptions.parseColor("#3366cc");
        ResizePipeline pipeline = new ResizePipeline(PipelineOptions.DEFAULTS.withBackground(background));

        Fixtures.Output output = Fixtures.render(pipeline, edgeSource(), "scalex=43&encoding=jpeg");

        assertColor(output.image(), 5, 10, background, 8);
        assertColor(output.image(), 38, 10, RED, 10);
    }

    @Test
    void halfTransparentRedOnWhiteIsPink() throws IOException {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, 0x80 << 24 | RED.getRGB() & 0xFFFFFF);
            }
        }
        Path source = Fixtures.write(image, "png", dir.resolve("half.png"));

        Fixtures.Output output = Fixtures.render(source, "scalex=20&encoding=jpeg");

        assertColor(output.image(), 10, 10, new Color(227, 142, 142), 8);
    }

    @ParameterizedTest(name = "to {0}")
    @ValueSource(strings = {"png", "webp", "gif"})
    void transparencyIsKeptWithoutDarkeningTheEdge(String encoding) throws IOException {
        Fixtures.Output output = Fixtures.render(edgeSource(), "scalex=43&encoding=" + encoding);

        BufferedImage image = output.image();
        assertThat(alpha(image, 5, 10)).as("transparent side").isZero();
        assertThat(alpha(image, 38, 10)).as("opaque side").isEqualTo(255);
        for (int x = 0; x < image.getWidth(); x++) {
            int[] pixel = rgba(image, x, 10);
            if (pixel[3] >= 64) {
                // Lanczos-3 overshoots a step by up to 7%, brighter, never darker.
                int darker = encoding.equals("png") ? 6 : 24;
                assertThat(pixel[0]).as("red at x=%d, alpha %d", x, pixel[3])
                        .isBetween(RED.getRed() - darker, RED.getRed() + 20);
                assertThat(pixel[1]).as("green at x=%d", x).isBetween(RED.getGreen() - darker, RED.getGreen() + 20);
                assertThat(pixel[2]).as("blue at x=%d", x).isBetween(RED.getBlue() - darker, RED.getBlue() + 20);
            } else if (pixel[3] > 0) {
                assertThat(pixel[0]).as("red of a faint edge pixel at x=%d, alpha %d", x, pixel[3])
                        .isGreaterThanOrEqualTo(RED.getRed() - 24);
            }
        }
    }

    @Test
    void pngSourceWithoutAlphaStaysOpaque() throws IOException {
        Path source = Fixtures.write(Fixtures.filled(50, 50, RED), "png", dir.resolve("opaque.png"));

        BufferedImage image = Fixtures.render(source, "scalex=20").image();

        assertThat(alpha(image, 10, 10)).isEqualTo(255);
    }

    /**
     * Along a row, each pixel's channels lie between the background's and red's, give or take the encoder's own
     * ringing: a pixel mixed with transparent black would be far darker (red about 100 at half alpha).
     */
    private static void assertNoDarkFringe(BufferedImage image, Color background, int tolerance) {
        for (int x = 0; x < image.getWidth(); x++) {
            int[] pixel = rgba(image, x, 10);
            assertThat(pixel[0]).as("red at x=%d", x).isGreaterThanOrEqualTo(Math.min(RED.getRed(), background.getRed()) - tolerance);
            assertThat(pixel[1]).as("green at x=%d", x).isGreaterThanOrEqualTo(Math.min(RED.getGreen(), background.getGreen()) - tolerance);
            assertThat(pixel[2]).as("blue at x=%d", x).isGreaterThanOrEqualTo(Math.min(RED.getBlue(), background.getBlue()) - tolerance);
        }
    }
}
