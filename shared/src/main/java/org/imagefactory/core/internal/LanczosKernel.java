package org.imagefactory.core.internal;

import java.util.Arrays;

/**
 * Lanczos-3 weights for one axis of a reduction, in 14-bit fixed point: for each output position its first source
 * index and a fixed number of taps, so the filter loops have no edge logic. Intermediate values are kept at 8
 * bits, as libvips does.
 */
final class LanczosKernel {
    private static final int BITS = 14;
    private static final int HALF = 1 << BITS - 1;
    private static final int ONE = 1 << BITS;
    private static final double LOBES = 3.0;
    private static final int PAIR_BITS = 26;
    private static final int LOW_SHIFT = 64 - PAIR_BITS;
    private static final double PAIR_SCALE = 1 << PAIR_BITS;
    private static final double PAIR_HALF = HALF + HALF * PAIR_SCALE;

    final int[] start;
    final int taps;
    private final int[] weights;
    private final double[] scaled;
    /** Taps of {@link #scaled}, rounded up to the 4 its loop takes at a time, with zero weights. */
    final int padded;

    private LanczosKernel(int[] start, int taps, int[] weights) {
        this.start = start;
        this.taps = taps;
        this.weights = weights;
        this.padded = (taps + 3) & ~3;
        this.scaled = new double[start.length * padded];
        for (int i = 0; i < start.length; i++) {
            for (int t = 0; t < taps; t++) {
                scaled[i * padded + t] = weights[i * taps + t];
            }
        }
    }

    static LanczosKernel of(int srcSize, int dstSize) {
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
        return trimmed(start, taps, weights, srcSize);
    }

    /**
     * The same kernel without the zero weights that every output has at its ends (the window is rounded up, and
     * tails round to 0): a tap fewer is a pass fewer over the rows, and the sums do not change.
     */
    private static LanczosKernel trimmed(int[] start, int taps, int[] weights, int srcSize) {
        int count = start.length;
        int[] first = new int[count];
        int span = 1;
        for (int i = 0; i < count; i++) {
            int f = 0;
            while (weights[i * taps + f] == 0) {
                f++;
            }
            int l = taps - 1;
            while (weights[i * taps + l] == 0) {
                l--;
            }
            first[i] = f;
            span = Math.max(span, l - f + 1);
        }
        if (span == taps) {
            return new LanczosKernel(start, taps, weights);
        }
        int[] newStart = new int[count];
        int[] newWeights = new int[count * span];
        for (int i = 0; i < count; i++) {
            int from = start[i] + first[i];
            newStart[i] = Math.min(from, srcSize - span);
            int shift = from - newStart[i];
            System.arraycopy(weights, i * taps + first[i], newWeights, i * span + shift,
                    Math.min(taps - first[i], span - shift));
        }
        return new LanczosKernel(newStart, span, newWeights);
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

    /**
     * Output row {@code y} of the vertical pass into the first {@code planes} planes of {@code out}, one plane at
     * a time, over {@code rows}: the source rows under its kernel in order, as planes. Four rows per sweep keep
     * the sum in registers longer; the loops are plain multiply-adds over arrays indexed alike, which the JIT
     * turns into vector instructions.
     */
    void filterColumns(int y, int[][][] rows, int[][] out, int planes, int count) {
        int w = y * taps;
        for (int c = 0; c < planes; c++) {
            int[] acc = out[c];
            Arrays.fill(acc, 0, count, HALF);
            int t = 0;
            for (; t + 4 <= taps; t += 4) {
                add4(acc, rows[t][c], weights[w + t], rows[t + 1][c], weights[w + t + 1], rows[t + 2][c],
                        weights[w + t + 2], rows[t + 3][c], weights[w + t + 3], count);
            }
            for (; t < taps; t++) {
                add1(acc, rows[t][c], weights[w + t], count);
            }
            clampAll(acc, count);
        }
    }

    /**
     * {@code max(0, min(v >> BITS, 255))} in shifts and masks: C2 in Java 17 vectorizes these but not
     * {@code Math.min}/{@code max} on ints, which made this loop cost as much as a third of the taps.
     */
    private static void clampAll(int[] acc, int count) {
        for (int x = 0; x < count; x++) {
            int v = acc[x] >> BITS;
            v &= ~(v >> 31);
            int over = 255 - v;
            acc[x] = v + (over & (over >> 31));
        }
    }

    private static void add4(int[] acc, int[] a, int ka, int[] b, int kb, int[] c, int kc, int[] d, int kd,
            int count) {
        for (int x = 0; x < count; x++) {
            acc[x] += ka * a[x] + kb * b[x] + kc * c[x] + kd * d[x];
        }
    }

    private static void add1(int[] acc, int[] a, int ka, int count) {
        for (int x = 0; x < count; x++) {
            acc[x] += ka * a[x];
        }
    }

    /**
     * The horizontal pass over one row of planes, packed into {@code dst}. The channels go in pairs, two to a
     * double ({@code red + blue·2^26}, {@code green + alpha·2^26}), so the multiply-adds run on the floating-point
     * units, two channels each, from one weight load for all four. Each channel's share of a sum stays within
     * ±2^25 (it is at most 255 times the weights' absolute sum, which for Lanczos-3 is about 1.3 · 2^14, far from
     * the 8 · 2^14 that would overflow), so every partial sum is an integer well inside 53 bits, the arithmetic is
     * exact, and the halves come apart again as integers. Two sums per pair, over even and odd taps, keep the
     * adder's latency out of the way. {@code planes} always has an alpha plane (all 255s for an opaque image,
     * which filters to exactly 255), so no branch on alpha sits in this loop.
     */
    void filterRow(int[][] planes, double[][] pairs, int[] dst, int offset, int count) {
        double[] redBlue = pairs[0];
        double[] greenAlpha = pairs[1];
        pair(planes, redBlue, greenAlpha);
        for (int i = 0; i < count; i++) {
            int s = start[i];
            int w = i * padded;
            double rb0 = PAIR_HALF;
            double ga0 = PAIR_HALF;
            double rb1 = 0;
            double ga1 = 0;
            for (int t = 0; t < padded; t += 4) {
                int p = s + t;
                double k0 = scaled[w + t];
                double k1 = scaled[w + t + 1];
                double k2 = scaled[w + t + 2];
                double k3 = scaled[w + t + 3];
                rb0 += k0 * redBlue[p] + k2 * redBlue[p + 2];
                ga0 += k0 * greenAlpha[p] + k2 * greenAlpha[p + 2];
                rb1 += k1 * redBlue[p + 1] + k3 * redBlue[p + 3];
                ga1 += k1 * greenAlpha[p + 1] + k3 * greenAlpha[p + 3];
            }
            long rb = (long) (rb0 + rb1);
            long ga = (long) (ga0 + ga1);
            int r = (int) (rb << LOW_SHIFT >> LOW_SHIFT);
            int g = (int) (ga << LOW_SHIFT >> LOW_SHIFT);
            int a = clamp((int) (ga - g >> PAIR_BITS) >> BITS);
            dst[offset + i] = a << 24 | clamp(r >> BITS) << 16 | clamp(g >> BITS) << 8
                    | clamp((int) (rb - r >> PAIR_BITS) >> BITS);
        }
    }

    private static void pair(int[][] planes, double[] redBlue, double[] greenAlpha) {
        int[] r = planes[0];
        int[] g = planes[1];
        int[] b = planes[2];
        int[] a = planes[3];
        int n = r.length;
        for (int x = 0; x < n; x++) {
            redBlue[x] = r[x] + b[x] * PAIR_SCALE;
        }
        for (int x = 0; x < n; x++) {
            greenAlpha[x] = g[x] + a[x] * PAIR_SCALE;
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(v, 255));
    }
}
