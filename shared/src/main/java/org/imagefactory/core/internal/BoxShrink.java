package org.imagefactory.core.internal;

import java.util.Arrays;

/**
 * Rows of a window of a packed {@code int} image (all of it, or the part a crop keeps), premultiplied when it has alpha and averaged over boxes of whole factors,
 * delivered as planes: red, green, blue, then alpha. Each source row is read once. Every per-channel loop
 * indexes all its arrays by the same {@code x} from 0: C2 vectorizes such loops, but not ones whose loads and
 * stores sit at different offsets, so a source row is first copied out of the image.
 */
final class BoxShrink {
    /** {@code v * 32897 >>> 23 == v / 255} for {@code 0 <= v <= 255 * 255}, with no division to stop the JIT. */
    private static final int DIVIDE_BY_255 = 32897;
    private static final int DIVIDE_BY_255_SHIFT = 23;
    /**
     * Boxes of up to this many pixels are divided by a multiplication: for a sum {@code v <= 255.5 * count},
     * {@code v * (2^23 / count + 1)} stays below 2^31 and is off from {@code v * 2^23 / count} by less than
     * {@code 2^23 / count} while {@code count^2 < 2^23 / 255.5}, so the quotient is exact.
     */
    private static final int RECIPROCAL_LIMIT = 181;
    private static final int RECIPROCAL_SHIFT = 23;

    private final int[] src;
    private final int stride;
    private final int left;
    private final int top;
    private final int srcWidth;
    private final int factorX;
    private final int factorY;
    private final boolean alpha;
    private final int width;
    private final int[] line;
    private final int[][] sums;
    private final int[][] scratch;

    /**
     * @param stride   the image's width: how far apart its rows are in {@code src}
     * @param left     the window's first column
     * @param top      the window's first row
     * @param srcWidth the window's width
     */
    BoxShrink(int[] src, int stride, int left, int top, int srcWidth, int factorX, int factorY, boolean alpha) {
        this.src = src;
        this.stride = stride;
        this.left = left;
        this.top = top;
        this.srcWidth = srcWidth;
        this.factorX = factorX;
        this.factorY = factorY;
        this.alpha = alpha;
        this.width = srcWidth / factorX;
        this.line = new int[srcWidth];
        boolean box = factorX > 1 || factorY > 1;
        int planes = alpha ? 4 : 3;
        this.sums = box ? new int[planes][srcWidth] : null;
        this.scratch = factorY > 1 ? new int[planes][srcWidth] : null;
    }

    int width() {
        return width;
    }

    /** Row {@code y} of the shrunk image into {@code out}: {@link #width()} values per plane. */
    void row(int y, int[][] out) {
        if (sums == null) {
            unpack(y, out);
            return;
        }
        int first = y * factorY;
        unpack(first, sums);
        for (int row = first + 1; row < first + factorY; row++) {
            unpack(row, scratch);
            for (int c = 0; c < sums.length; c++) {
                add(sums[c], scratch[c], srcWidth);
            }
        }
        for (int c = 0; c < sums.length; c++) {
            average(sums[c], out[c]);
        }
    }

    private static void add(int[] acc, int[] values, int count) {
        for (int x = 0; x < count; x++) {
            acc[x] += values[x];
        }
    }

    /**
     * Sums of {@code factorX} neighbours, rounded and divided. The loops run across the whole row, one neighbour
     * at a time, because a loop of two or three steps per pixel is slow whatever the JIT does with it.
     */
    private void average(int[] sum, int[] out) {
        int count = factorX * factorY;
        Arrays.fill(out, 0, width, count / 2);
        for (int j = 0; j < factorX; j++) {
            for (int dx = 0, x = j; dx < width; dx++, x += factorX) {
                out[dx] += sum[x];
            }
        }
        if (count <= RECIPROCAL_LIMIT) {
            int reciprocal = (1 << RECIPROCAL_SHIFT) / count + 1;
            for (int dx = 0; dx < width; dx++) {
                out[dx] = out[dx] * reciprocal >>> RECIPROCAL_SHIFT;
            }
        } else {
            for (int dx = 0; dx < width; dx++) {
                out[dx] /= count;
            }
        }
    }

    private void unpack(int y, int[][] out) {
        int n = srcWidth;
        int[] p = line;
        System.arraycopy(src, (top + y) * stride + left, p, 0, n);
        int[] r = out[0];
        int[] g = out[1];
        int[] b = out[2];
        if (alpha) {
            for (int x = 0; x < n; x++) {
                r[x] = ((p[x] >> 16) & 0xFF) * (p[x] >>> 24) * DIVIDE_BY_255 >>> DIVIDE_BY_255_SHIFT;
            }
            for (int x = 0; x < n; x++) {
                g[x] = ((p[x] >> 8) & 0xFF) * (p[x] >>> 24) * DIVIDE_BY_255 >>> DIVIDE_BY_255_SHIFT;
            }
            for (int x = 0; x < n; x++) {
                b[x] = (p[x] & 0xFF) * (p[x] >>> 24) * DIVIDE_BY_255 >>> DIVIDE_BY_255_SHIFT;
            }
            int[] a = out[3];
            for (int x = 0; x < n; x++) {
                a[x] = p[x] >>> 24;
            }
            return;
        }
        for (int x = 0; x < n; x++) {
            r[x] = (p[x] >> 16) & 0xFF;
        }
        for (int x = 0; x < n; x++) {
            g[x] = (p[x] >> 8) & 0xFF;
        }
        for (int x = 0; x < n; x++) {
            b[x] = p[x] & 0xFF;
        }
    }
}
