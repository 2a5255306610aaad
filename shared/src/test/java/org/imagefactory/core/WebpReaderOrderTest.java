package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lossy WebP decodes to the same pixels in every JVM: the two WebP readers decode VP8 differently, and which one
 * ImageIO offers first varies, so a variant made at build time and the same variant made by the filter could
 * differ.
 */
class WebpReaderOrderTest {

    @TempDir
    Path dir;

    @Test
    void aLossyWebpDecodesToTheSamePixelsWhicheverReaderImageIoOffersFirst() throws IOException {
        Path source = Files.write(dir.resolve("gradient.webp"), Fixtures.webp(gradient(), "Lossy"));

        BufferedImage libwebpFirst = WebpReaders.render(WebpReaders.First.LIBWEBP, source, "encoding=png").image();
        BufferedImage twelveMonkeysFirst = WebpReaders.render(WebpReaders.First.TWELVEMONKEYS, source,
                "encoding=png").image();

        assertThat(differingPixels(libwebpFirst, twelveMonkeysFirst)).as("pixels that differ").isZero();
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int[] left = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] right = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        assertThat(right).hasSameSizeAs(left);
        int differing = 0;
        for (int i = 0; i < left.length; i++) {
            differing += left[i] == right[i] ? 0 : 1;
        }
        return differing;
    }

    /** Colour that changes in both directions, where two VP8 decoders' chroma upsampling disagree. */
    private static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                image.setRGB(x, y, (x * 255 / 95) << 16 | (y * 255 / 63) << 8 | ((x + y) * 8 & 0xFF));
            }
        }
        return image;
    }
}
