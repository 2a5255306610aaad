package org.imagefactory.core;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Downscales {@code TYPE_INT_RGB} / {@code TYPE_INT_ARGB} images the way libvips does: a box average by whole
 * factors while at least 2× is left, then a separable Lanczos-3 reduction for the rest. Averaging first keeps
 * the cost proportional to the output; the Lanczos step keeps edges sharp without aliasing. Alpha is
 * premultiplied while filtering, so transparent pixels never bleed their (often black) colour into the edges.
 */
final class Resampler {

    private static final double LOBES = 3.0;
    private static final double GAP = 2.0;

    private Resampler() {
    }

    static BufferedImage resize(BufferedImage image, int width, int height) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        if (sw == width && sh == height) {
            return image;
        }
        boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        if (alpha) {
            pixels = premultiply(pixels);
        }
        int boxX = Math.max(1, (int) Math.floor((double) sw / width / GAP));
        int boxY = Math.max(1, (int) Math.floor((double) sh / height / GAP));
        if (boxX > 1 || boxY > 1) {
            int bw = sw / boxX;
            int bh = sh / boxY;
            pixels = box(pixels, sw, sh, boxX, boxY, bw, bh);
            sw = bw;
            sh = bh;
        }
        if (sw != width) {
            pixels = reduce(pixels, sw, sh, width, true);
            sw = width;
        }
        if (sh != height) {
            pixels = reduce(pixels, sw, sh, height, false);
        }
        if (alpha) {
            unpremultiply(pixels);
        }
        BufferedImage out = new BufferedImage(width, height, image.getType());
        System.arraycopy(pixels, 0, ((DataBufferInt) out.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        return out;
    }

    private static int[] box(int[] src, int sw, int sh, int fx, int fy, int dw, int dh) {
        int[] dst = new int[dw * dh];
        int[] acc = new int[dw * 4];
        int count = fx * fy;
        int half = count / 2;
        for (int dy = 0; dy < dh; dy++) {
            Arrays.fill(acc, 0);
            for (int y = dy * fy, ye = y + fy; y < ye; y++) {
                int row = y * sw;
                for (int dx = 0, x = row; dx < dw; dx++) {
                    int a = 0, r = 0, g = 0, b = 0;
                    for (int xe = x + fx; x < xe; x++) {
                        int p = src[x];
                        a += p >>> 24;
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                    int i = dx * 4;
                    acc[i] += a;
                    acc[i + 1] += r;
                    acc[i + 2] += g;
                    acc[i + 3] += b;
                }
            }
            int out = dy * dw;
            for (int dx = 0; dx < dw; dx++) {
                int i = dx * 4;
                dst[out + dx] = ((acc[i] + half) / count) << 24 | ((acc[i + 1] + half) / count) << 16
                        | ((acc[i + 2] + half) / count) << 8 | ((acc[i + 3] + half) / count);
            }
        }
        return dst;
    }

    /** One Lanczos-3 pass along x ({@code horizontal}) or y, to {@code size} pixels on that axis. */
    private static int[] reduce(int[] src, int sw, int sh, int size, boolean horizontal) {
        int srcSize = horizontal ? sw : sh;
        Kernel kernel = Kernel.lanczos(srcSize, size);
        int dw = horizontal ? size : sw;
        int dh = horizontal ? sh : size;
        int[] dst = new int[dw * dh];
        if (horizontal) {
            for (int y = 0; y < sh; y++) {
                int row = y * sw;
                int out = y * dw;
                for (int x = 0; x < size; x++) {
                    dst[out + x] = kernel.apply(src, row, x);
                }
            }
        } else {
            float[] acc = new float[sw * 4];
            for (int y = 0; y < size; y++) {
                Arrays.fill(acc, 0f);
                for (int t = 0; t < kernel.taps; t++) {
                    float k = kernel.weights[y * kernel.taps + t];
                    int row = (kernel.start[y] + t) * sw;
                    for (int x = 0, i = 0; x < sw; x++, i += 4) {
                        int p = src[row + x];
                        acc[i] += k * (p >>> 24);
                        acc[i + 1] += k * ((p >> 16) & 0xFF);
                        acc[i + 2] += k * ((p >> 8) & 0xFF);
                        acc[i + 3] += k * (p & 0xFF);
                    }
                }
                int out = y * dw;
                for (int x = 0, i = 0; x < sw; x++, i += 4) {
                    dst[out + x] = Kernel.clamp(acc[i]) << 24 | Kernel.clamp(acc[i + 1]) << 16
                            | Kernel.clamp(acc[i + 2]) << 8 | Kernel.clamp(acc[i + 3]);
                }
            }
        }
        return dst;
    }

    /** Precomputed, normalized weights: for each output position its first source index and its taps. */
    private static final class Kernel {
        private final int[] start;
        private final int taps;
        private final float[] weights;

        private Kernel(int[] start, int taps, float[] weights) {
            this.start = start;
            this.taps = taps;
            this.weights = weights;
        }

        static Kernel lanczos(int srcSize, int dstSize) {
            double scale = (double) srcSize / dstSize;
            double support = LOBES * scale;
            int taps = (int) Math.ceil(support * 2) + 1;
            int[] start = new int[dstSize];
            float[] weights = new float[dstSize * taps];
            for (int i = 0; i < dstSize; i++) {
                double center = (i + 0.5) * scale - 0.5;
                int first = (int) Math.floor(center - support) + 1;
                double sum = 0;
                double[] w = new double[taps];
                for (int t = 0; t < taps; t++) {
                    int s = first + t;
                    double value = lanczos((s - center) / scale);
                    w[t] = value;
                    sum += value;
                }
                // Clamp at the edges by folding out-of-range taps onto the nearest pixel.
                int begin = Math.max(0, Math.min(first, srcSize - taps));
                float[] folded = new float[taps];
                for (int t = 0; t < taps; t++) {
                    int s = Math.min(Math.max(first + t, 0), srcSize - 1);
                    int slot = Math.min(Math.max(s - begin, 0), taps - 1);
                    folded[slot] += (float) (w[t] / sum);
                }
                start[i] = begin;
                System.arraycopy(folded, 0, weights, i * taps, taps);
            }
            return new Kernel(start, Math.min(taps, srcSize), trim(weights, dstSize, taps, Math.min(taps, srcSize)));
        }

        private static float[] trim(float[] weights, int count, int taps, int kept) {
            if (kept == taps) {
                return weights;
            }
            float[] out = new float[count * kept];
            for (int i = 0; i < count; i++) {
                System.arraycopy(weights, i * taps, out, i * kept, kept);
            }
            return out;
        }

        private static double lanczos(double x) {
            if (x == 0) {
                return 1;
            }
            if (x <= -LOBES || x >= LOBES) {
                return 0;
            }
            double px = Math.PI * x;
            return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
        }

        int apply(int[] src, int row, int i) {
            float a = 0, r = 0, g = 0, b = 0;
            int offset = row + start[i];
            int w = i * taps;
            for (int t = 0; t < taps; t++, offset++) {
                float k = weights[w + t];
                int p = src[offset];
                a += k * (p >>> 24);
                r += k * ((p >> 16) & 0xFF);
                g += k * ((p >> 8) & 0xFF);
                b += k * (p & 0xFF);
            }
            return clamp(a) << 24 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
        }

        static int clamp(float v) {
            int i = (int) (v + 0.5f);
            return i < 0 ? 0 : Math.min(i, 255);
        }
    }

    private static int[] premultiply(int[] pixels) {
        int[] out = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int a = p >>> 24;
            if (a == 255) {
                out[i] = p;
            } else if (a != 0) {
                int r = ((p >> 16) & 0xFF) * a / 255;
                int g = ((p >> 8) & 0xFF) * a / 255;
                int b = (p & 0xFF) * a / 255;
                out[i] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    private static void unpremultiply(int[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int a = p >>> 24;
            if (a == 0) {
                pixels[i] = 0;
            } else if (a != 255) {
                int r = Math.min(255, (((p >> 16) & 0xFF) * 255 + a / 2) / a);
                int g = Math.min(255, (((p >> 8) & 0xFF) * 255 + a / 2) / a);
                int b = Math.min(255, ((p & 0xFF) * 255 + a / 2) / a);
                pixels[i] = a << 24 | r << 16 | g << 8 | b;
            }
        }
    }
}
