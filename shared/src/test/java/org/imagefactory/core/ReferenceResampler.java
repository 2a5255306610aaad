package org.imagefactory.core;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

import org.imagefactory.core.internal.Resampler;

/**
 * The resampler as it was before it was tuned for speed, kept verbatim as the reference that
 * {@link ResamplerReferenceTest} holds today's {@link Resampler} to, pixel for pixel.
 *
 * <p>Downscales {@code TYPE_INT_RGB} / {@code TYPE_INT_ARGB} images the way libvips does: a box average by whole
 * factors while at least 2× is left, then a separable Lanczos-3 reduction for the rest. Averaging first keeps
 * the cost proportional to the output; the Lanczos step keeps edges sharp without aliasing. Alpha is
 * premultiplied while filtering, so transparent pixels never bleed their (often black) colour into the edges.
 */
final class ReferenceResampler {

    private static final double LOBES = 3.0;
    private static final double GAP = 2.0;

    private ReferenceResampler() {
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
        if (sw != width || sh != height) {
            pixels = lanczos(pixels, sw, sh, width, height, alpha ? 4 : 3);
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

    /**
     * Separable Lanczos-3 to {@code width} × {@code height}, one output row at a time: the source rows under the
     * vertical kernel are unpacked into planes of ints (a ring of them, each row unpacked once), filtered down to
     * one row, then across. Weights are 14-bit fixed point, and the vertical pass, where most of the work is, is a
     * plain multiply-add over contiguous arrays that the JIT turns into vector instructions. Intermediate values
     * are kept at 8 bits, as libvips does.
     */
    private static int[] lanczos(int[] src, int sw, int sh, int width, int height, int channels) {
        Kernel down = height == sh ? null : Kernel.lanczos(sh, height);
        Kernel across = width == sw ? null : Kernel.lanczos(sw, width);
        int window = down == null ? 1 : down.taps;
        int[][][] ring = new int[window][channels][sw];
        int[] ringRow = new int[window];
        Arrays.fill(ringRow, -1);
        int[][] column = new int[channels][sw];
        int[][] row = new int[channels][width];
        int[] dst = new int[width * height];
        for (int y = 0; y < height; y++) {
            int[][] filtered;
            if (down == null) {
                filtered = unpacked(src, sw, y, ring, ringRow);
            } else {
                for (int c = 0; c < channels; c++) {
                    Arrays.fill(column[c], Kernel.HALF);
                }
                for (int t = 0; t < down.taps; t++) {
                    int[][] planes = unpacked(src, sw, down.start[y] + t, ring, ringRow);
                    int k = down.weights[y * down.taps + t];
                    for (int c = 0; c < channels; c++) {
                        Kernel.accumulate(column[c], planes[c], k, sw);
                    }
                }
                for (int c = 0; c < channels; c++) {
                    Kernel.normalize(column[c], sw);
                }
                filtered = column;
            }
            if (across != null) {
                for (int c = 0; c < channels; c++) {
                    across.filterRow(filtered[c], row[c], width);
                }
                filtered = row;
            }
            pack(filtered, width, dst, y * width, channels);
        }
        return dst;
    }

    /** Source row {@code y} as planes, from the ring when it is there; each row of a pass is unpacked once. */
    private static int[][] unpacked(int[] src, int sw, int y, int[][][] ring, int[] ringRow) {
        int slot = y % ring.length;
        if (ringRow[slot] != y) {
            unpack(src, y * sw, sw, ring[slot]);
            ringRow[slot] = y;
        }
        return ring[slot];
    }

    private static void unpack(int[] src, int offset, int count, int[][] planes) {
        int[] r = planes[0];
        int[] g = planes[1];
        int[] b = planes[2];
        for (int x = 0; x < count; x++) {
            int p = src[offset + x];
            r[x] = (p >> 16) & 0xFF;
            g[x] = (p >> 8) & 0xFF;
            b[x] = p & 0xFF;
        }
        if (planes.length == 4) {
            int[] a = planes[3];
            for (int x = 0; x < count; x++) {
                a[x] = src[offset + x] >>> 24;
            }
        }
    }

    private static void pack(int[][] planes, int count, int[] dst, int dstOffset, int channels) {
        int[] r = planes[0];
        int[] g = planes[1];
        int[] b = planes[2];
        int[] a = channels == 4 ? planes[3] : null;
        for (int x = 0; x < count; x++) {
            int alpha = a == null ? 0xFF000000 : a[x] << 24;
            dst[dstOffset + x] = alpha | r[x] << 16 | g[x] << 8 | b[x];
        }
    }

    /** Precomputed fixed-point weights: for each output position its first source index and its taps. */
    private static final class Kernel {
        private static final int BITS = 14;
        private static final int ONE = 1 << BITS;
        private static final int HALF = ONE >> 1;

        private final int[] start;
        private final int taps;
        private final int[] weights;

        private Kernel(int[] start, int taps, int[] weights) {
            this.start = start;
            this.taps = taps;
            this.weights = weights;
        }

        static Kernel lanczos(int srcSize, int dstSize) {
            double scale = (double) srcSize / dstSize;
            double support = LOBES * Math.max(scale, 1.0);
            int taps = Math.min((int) Math.ceil(support * 2) + 1, srcSize);
            int[] start = new int[dstSize];
            int[] weights = new int[dstSize * taps];
            double[] folded = new double[taps];
            for (int i = 0; i < dstSize; i++) {
                double center = (i + 0.5) * scale - 0.5;
                int first = (int) Math.floor(center - support) + 1;
                int begin = Math.max(0, Math.min(first, srcSize - taps));
                Arrays.fill(folded, 0);
                double sum = 0;
                // Taps past an edge fold onto the edge pixel, which is what clamping the image would give.
                for (int s = first; s <= (int) Math.floor(center + support); s++) {
                    double value = lanczos((s - center) / Math.max(scale, 1.0));
                    folded[Math.min(Math.max(s, 0), srcSize - 1) - begin] += value;
                    sum += value;
                }
                int total = 0;
                int largest = 0;
                for (int t = 0; t < taps; t++) {
                    int weight = (int) Math.round(folded[t] / sum * ONE);
                    weights[i * taps + t] = weight;
                    total += weight;
                    largest = weight > weights[i * taps + largest] ? t : largest;
                }
                // Rounding must not change the sum, or flat colours would drift.
                weights[i * taps + largest] += ONE - total;
                start[i] = begin;
            }
            return new Kernel(start, taps, weights);
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

        void filterRow(int[] src, int[] dst, int count) {
            for (int i = 0; i < count; i++) {
                int s = start[i];
                int w = i * taps;
                int sum = HALF;
                for (int t = 0; t < taps; t++) {
                    sum += weights[w + t] * src[s + t];
                }
                dst[i] = clamp(sum >> BITS);
            }
        }

        static void accumulate(int[] acc, int[] src, int k, int count) {
            for (int x = 0; x < count; x++) {
                acc[x] += k * src[x];
            }
        }

        static void normalize(int[] acc, int count) {
            for (int x = 0; x < count; x++) {
                acc[x] = clamp(acc[x] >> BITS);
            }
        }

        private static int clamp(int v) {
            return v < 0 ? 0 : Math.min(v, 255);
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
