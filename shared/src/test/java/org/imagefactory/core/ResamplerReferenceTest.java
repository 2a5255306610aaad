package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;

import org.imagefactory.core.internal.Resampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tuned {@link Resampler} gives exactly the pixels of the straightforward {@link ReferenceResampler}, on
 * photo-like images (noise over gradients, hard edges, ragged transparency), for ratios that take every path:
 * box factors 1 to 5 on either axis, one axis untouched, odd sizes, one-pixel outputs.
 */
class ResamplerReferenceTest {

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({
        "1013, 701, 333, 233",
        "997, 611, 211, 157",
        "1200, 800, 601, 399",
        "1000, 700, 400, 280",
        "1001, 999, 230, 230",
        "1499, 1000, 222, 148",
        "1600, 1066, 179, 119",
        "1777, 1000, 173, 97",
        "2000, 1200, 190, 114",
        "1500, 300, 101, 300",
        "300, 1500, 300, 101",
        "1003, 97, 97, 97",
        "640, 480, 7, 5",
        "777, 555, 1, 1",
        "901, 1, 37, 1",
        "1, 901, 1, 37",
        "3, 700, 1, 71",
        "600, 400, 599, 399",
        "50, 40, 80, 30",
        "9, 7, 5, 4",
        "2, 2, 1, 1",
    })
    void matchesTheReferencePixelForPixel(int sw, int sh, int width, int height) {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = photoLike(sw, sh, type, sw * 31L + sh);

            int[] expected = pixels(ReferenceResampler.resize(image, width, height));
            int[] actual = pixels(Resampler.resize(image, width, height));

            assertThat(actual).as("%s pixels", type == BufferedImage.TYPE_INT_ARGB ? "ARGB" : "RGB")
                    .hasSize(width * height).isEqualTo(expected);
        }
    }

    /**
     * Smooth gradients with noise on top, a grid of hard-edged bars, and for alpha: opaque on the left, random in
     * the middle, bands of fully transparent and opaque on the right.
     */
    private static BufferedImage photoLike(int width, int height, int type, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        int[] data = pixels(image);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(48) - 24;
                int r = clamp(x * 255 / width + noise);
                int g = (x / 13 + y / 17) % 2 == 0 ? clamp(y * 255 / height + noise) : 255 - clamp(noise + 24);
                int b = random.nextInt(256);
                int a = x < width / 3 ? 255 : x < 2 * width / 3 ? random.nextInt(256) : (y / 7) % 2 * 255;
                data[y * width + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(v, 255));
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
