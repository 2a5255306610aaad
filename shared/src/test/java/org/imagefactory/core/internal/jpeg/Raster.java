package org.imagefactory.core.internal.jpeg;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** 8-bit grey or RGB samples: test input for cjpeg, and djpeg's output read back. */
record Raster(int width, int height, int channels, byte[] samples) {

    /**
     * A photo-like test card: smooth gradients, hard colour edges (which expose chroma upsampling), fine
     * stripes (which expose the high-frequency coefficients) and a little seeded noise.
     */
    static Raster testCard(int width, int height, int channels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] s = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / Math.max(1, width - 1);
                int g = 255 * y / Math.max(1, height - 1);
                int b = 128 + (int) (100 * Math.sin((x + 2 * y) / 7.0));
                if ((x / 13 + y / 11) % 5 == 0) {
                    r = 230;
                    g = 20;
                    b = 40;
                }
                if (x % 4 < 2 && y > height / 2) {
                    g = 255 - g;
                }
                int noise = random.nextInt(17) - 8;
                int[] rgb = {clamp(r + noise), clamp(g + noise), clamp(b - noise)};
                int i = (y * width + x) * channels;
                if (channels == 1) {
                    s[i] = (byte) ((rgb[0] * 3 + rgb[1] * 5 + rgb[2] * 2) / 10);
                } else {
                    s[i] = (byte) rgb[0];
                    s[i + 1] = (byte) rgb[1];
                    s[i + 2] = (byte) rgb[2];
                }
            }
        }
        return new Raster(width, height, channels, s);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    byte[] toPnm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(((channels == 1 ? "P5" : "P6") + "\n" + width + " " + height + "\n255\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(samples);
        return out.toByteArray();
    }

    static Raster fromPnm(byte[] pnm) {
        int channels = pnm[1] == '5' ? 1 : 3;
        int[] header = new int[3];
        int p = 2;
        for (int n = 0; n < 3; n++) {
            while (Character.isWhitespace(pnm[p])) {
                p++;
            }
            int v = 0;
            while (!Character.isWhitespace(pnm[p])) {
                v = v * 10 + pnm[p++] - '0';
            }
            header[n] = v;
        }
        p++;
        byte[] samples = new byte[header[0] * header[1] * channels];
        System.arraycopy(pnm, p, samples, 0, samples.length);
        return new Raster(header[0], header[1], channels, samples);
    }

    /** The largest difference of any colour channel of any pixel from these samples (grey counted as R = G = B). */
    int maxDifference(BufferedImage image) {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new AssertionError("decoded " + image.getWidth() + "x" + image.getHeight() + ", expected "
                    + width + "x" + height);
        }
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        int largest = 0;
        for (int i = 0; i < rgb.length; i++) {
            for (int c = 0; c < 3; c++) {
                int expected = samples[i * channels + (channels == 1 ? 0 : c)] & 0xFF;
                int actual = (rgb[i] >> (16 - 8 * c)) & 0xFF;
                largest = Math.max(largest, Math.abs(expected - actual));
            }
        }
        return largest;
    }
}
