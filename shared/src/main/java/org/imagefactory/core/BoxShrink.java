package org.imagefactory.core;

/**
 * Rows of a packed {@code int} image, premultiplied when it has alpha and averaged over boxes of whole factors,
 * delivered as planes: red, green, blue, then alpha. Each source row is read once. Every per-channel loop
 * indexes all its arrays by the same {@code x} from 0: C2 vectorizes such loops, but not ones whose loads and
 * stores sit at different offsets, so a source row is first copied out of the image.
 */
final class BoxShrink {
    /** {@code v * 32897 >>> 23 == v / 255} for {@code 0 <= v <= 255 * 255}, with no division to stop the JIT. */
    private static final int DIVIDE_BY_255 = 32897;
    private static final int DIVIDE_BY_255_SHIFT = 23;
    /** Sums of boxes up to this many pixels are divided by a multiplication, exact for sums below 2^31. */
    private static final int RECIPROCAL_LIMIT = 1 << 16;
    private static final int RECIPROCAL_SHIFT = 40;

    private final int[] src;
    private final int srcWidth;
    private final int factorX;
    private final int factorY;
    private final boolean alpha;
    private final int width;
    private final int[] line;
    private final int[][] sums;
    private final int[][] scratch;

    BoxShrink(int[] src, int srcWidth, int factorX, int factorY, boolean alpha) {
        this.src = src;
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

    private void average(int[] sum, int[] out) {
        int count = factorX * factorY;
        int half = count / 2;
        long reciprocal = count < RECIPROCAL_LIMIT ? (1L << RECIPROCAL_SHIFT) / count + 1 : 0;
        for (int dx = 0, x = 0; dx < width; dx++) {
            int total = half;
            for (int xe = x + factorX; x < xe; x++) {
                total += sum[x];
            }
            out[dx] = reciprocal != 0 ? (int) (total * reciprocal >>> RECIPROCAL_SHIFT) : total / count;
        }
    }

    private void unpack(int y, int[][] out) {
        int n = srcWidth;
        int[] p = line;
        System.arraycopy(src, y * n, p, 0, n);
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
