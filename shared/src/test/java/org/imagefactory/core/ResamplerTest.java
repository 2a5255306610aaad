package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.imagefactory.core.internal.Resampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output sizes, and pixels that must survive resizing: flat colours exactly, sharp edges nearly. */
class ResamplerTest {

    @ParameterizedTest(name = "{0}x{1} into {2}x{3} -> {4}x{5}")
    @CsvSource({
        "4000, 3000, 400, 400, 400, 300",
        "4000, 3000, 400, 100, 133, 100",
        "4000, 3000, 5000, 5000, 4000, 3000",
        "4000, 3000, 4000, 1, 1, 1",
        "3000, 4000, 400, 400, 300, 400",
        "1, 1, 400, 400, 1, 1",
        "1, 1, 1, 1, 1, 1",
        "1, 1000, 10, 10, 1, 10",
        "1000, 1, 10, 10, 10, 1",
        "10000, 1, 100, 100, 100, 1",
        "7, 9, 5, 5, 4, 5",
        "9, 7, 5, 5, 5, 4",
        "7, 9, 1, 1, 1, 1",
        "600, 400, 599, 1000, 599, 399",
        "600, 400, 1000, 399, 599, 399",
        "65535, 1, 65535, 1, 65535, 1",
    })
    void fitsInsideTheBoxKeepingAspectNeverUpscaling(int sw, int sh, int bw, int bh, int w, int h) {
        VariantSpec spec = new VariantSpec(bw, bh, Encoding.PNG, 80);

        assertThat(spec.outputSize(sw, sh)).isEqualTo(new VariantSpec.Size(w, h));
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({
        "1000, 700, 333, 233",
        "1000, 700, 100, 70",
        "1000, 700, 999, 699",
        "640, 480, 320, 240",
        "640, 480, 7, 5",
        "7, 9, 3, 4",
        "7, 9, 1, 1",
        "1, 1, 1, 1",
        "1, 500, 1, 37",
        "500, 1, 37, 1",
        "2, 2, 1, 1",
    })
    void flatColourStaysExactlyThatColour(int sw, int sh, int w, int h) {
        for (Color color : new Color[] {new Color(123, 45, 67), Color.BLACK, Color.WHITE, new Color(1, 254, 128)}) {
            BufferedImage out = Resampler.resize(Fixtures.filled(sw, sh, color), w, h);

            assertThat(out.getWidth()).isEqualTo(w);
            assertThat(out.getHeight()).isEqualTo(h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertThat(out.getRGB(x, y)).as("pixel (%d,%d) of %s", x, y, color).isEqualTo(color.getRGB());
                }
            }
        }
    }

    @Test
    void opaqueFlatColourWithAlphaChannelStaysExact() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                image.setRGB(x, y, 0xFF7B2D43);
            }
        }

        BufferedImage out = Resampler.resize(image, 97, 65);

        assertThat(out.getRGB(0, 0)).isEqualTo(0xFF7B2D43);
        assertThat(out.getRGB(48, 32)).isEqualTo(0xFF7B2D43);
        assertThat(out.getRGB(96, 64)).isEqualTo(0xFF7B2D43);
    }

    @Test
    void halfTransparentFlatColourDriftsAtMostOneLevel() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                image.setRGB(x, y, 0x807B2D43);
            }
        }

        BufferedImage out = Resampler.resize(image, 97, 65);

        int[] pixel = Fixtures.rgba(out, 48, 32);
        assertThat(pixel[3]).isEqualTo(0x80);
        assertThat(pixel[0]).isBetween(0x7B - 1, 0x7B + 1);
        assertThat(pixel[1]).isBetween(0x2D - 1, 0x2D + 1);
        assertThat(pixel[2]).isBetween(0x43 - 1, 0x43 + 1);
    }

    /**
     * A vertical edge from {@code dark} to {@code light} at x = 400 of 800, reduced: the output edge sits in the
     * middle, flat areas stay flat, the transition takes at most 3 pixels, and Lanczos ringing stays small.
     */
    @ParameterizedTest(name = "{0} to {1}, reduced to {2} wide")
    @CsvSource({"0, 255, 100", "0, 255, 73", "0, 255, 400", "64, 192, 100", "64, 192, 73", "64, 192, 400"})
    void sharpEdgeStaysSharp(int dark, int light, int width) {
        BufferedImage image = Fixtures.filled(800, 80, new Color(dark, dark, dark));
        for (int y = 0; y < 80; y++) {
            for (int x = 400; x < 800; x++) {
                image.setRGB(x, y, new Color(light, light, light).getRGB());
            }
        }
        int height = 80 * width / 800;

        BufferedImage out = Resampler.resize(image, width, height);

        int middle = height / 2;
        int transition = 0;
        for (int x = 0; x < width; x++) {
            int grey = out.getRGB(x, middle) & 0xFF;
            assertThat(grey).as("grey at x=%d", x).isBetween(Math.max(0, dark - 12), Math.min(255, light + 12));
            if (grey > dark + 4 && grey < light - 4) {
                transition++;
            }
            double distance = Math.abs(x + 0.5 - width / 2.0);
            if (distance > 4) {
                assertThat(grey).as("grey at x=%d, far from the edge", x).isCloseTo(x < width / 2 ? dark : light,
                        org.assertj.core.data.Offset.offset(2));
            }
        }
        assertThat(transition).as("pixels between the two greys").isBetween(1, 3);
    }

    @Test
    void sameSizeIsUntouched() {
        BufferedImage image = Fixtures.filled(10, 10, Color.ORANGE);

        assertThat(Resampler.resize(image, 10, 10)).isSameAs(image);
    }
}
