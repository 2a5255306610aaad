package org.imagefactory.core.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

import org.imagefactory.core.Deadline;

/**
 * Downscales {@code TYPE_INT_RGB} / {@code TYPE_INT_ARGB} images the way libvips does: a box average by whole
 * factors while at least 2× is left, then a separable Lanczos-3 reduction for the rest. Averaging first keeps
 * the cost proportional to the output; the Lanczos step keeps edges sharp without aliasing. Alpha is
 * premultiplied while filtering, so transparent pixels never bleed their (often black) colour into the edges.
 *
 * <p>One output row at a time: the source rows under the vertical kernel are box-averaged and split into planes
 * (a ring of them, each row made once), filtered down to one row, then across straight into the output raster.
 * The vertical pass goes first because it is the one the JIT vectorizes: the scalar horizontal pass then only
 * runs on output rows.
 */
public final class Resampler {

    private static final double GAP = 2.0;
    private static final int RECIPROCAL_SHIFT = 40;
    /** {@code 2^40 / a} rounded up, for each alpha {@code a} from 1. */
    private static final long[] RECIPROCALS = new long[256];

    static {
        for (int a = 1; a < 256; a++) {
            RECIPROCALS[a] = (1L << RECIPROCAL_SHIFT) / a + 1;
        }
    }

    private Resampler() {
    }

    public static BufferedImage resize(BufferedImage image, int width, int height) {
        return resize(image, new Window(0, 0, image.getWidth(), image.getHeight()), width, height);
    }

    /**
     * Resizes the part of {@code image} inside {@code window} to {@code width} × {@code height}, reading no pixel
     * outside it: a crop costs what resizing the window alone would, and copies nothing first.
     */
    public static BufferedImage resize(BufferedImage image, Window window, int width, int height) {
        int sw = window.width();
        int sh = window.height();
        boolean whole = sw == image.getWidth() && sh == image.getHeight();
        if (whole && sw == width && sh == height) {
            return image;
        }
        boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int boxX = Math.max(1, (int) Math.floor((double) sw / width / GAP));
        int boxY = Math.max(1, (int) Math.floor((double) sh / height / GAP));
        BoxShrink rows = new BoxShrink(pixels, image.getWidth(), window.left(), window.top(), sw, boxX, boxY, alpha);
        BufferedImage out = new BufferedImage(width, height, image.getType());
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        filter(rows, sh / boxY, width, height, alpha, dst);
        if (alpha) {
            unpremultiply(dst);
        }
        return out;
    }

    private static void filter(BoxShrink rows, int sh, int width, int height, boolean alpha, int[] dst) {
        int sw = rows.width();
        int planes = alpha ? 4 : 3;
        int[] opaque = alpha ? null : new int[sw];
        if (opaque != null) {
            Arrays.fill(opaque, 255);
        }
        LanczosKernel down = height == sh ? null : LanczosKernel.of(sh, height);
        LanczosKernel across = width == sw ? null : LanczosKernel.of(sw, width);
        int window = down == null ? 1 : down.taps;
        int[][][] ring = new int[window][][];
        for (int t = 0; t < window; t++) {
            ring[t] = planes(planes, sw, opaque);
        }
        int[] ringRow = new int[window];
        Arrays.fill(ringRow, -1);
        int[][][] under = new int[window][][];
        int[][] column = down == null ? null : planes(planes, sw, opaque);
        double[][] pairs = across == null ? null : new double[2][sw + across.padded - across.taps];
        for (int y = 0; y < height; y++) {
            Deadline.check();
            int[][] filtered;
            if (down == null) {
                filtered = row(rows, y, ring, ringRow);
            } else {
                for (int t = 0; t < window; t++) {
                    under[t] = row(rows, down.start[y] + t, ring, ringRow);
                }
                down.filterColumns(y, under, column, planes, sw);
                filtered = column;
            }
            if (across == null) {
                pack(filtered, sw, dst, y * width);
            } else {
                across.filterRow(filtered, pairs, dst, y * width, width);
            }
        }
    }

    /**
     * Red, green, blue and alpha planes of {@code width} samples. An opaque image's alpha plane is {@code opaque},
     * all 255s, shared and never written: the passes work on the colour planes only, and the code that packs
     * pixels reads alpha from a plane either way. A branch on alpha there would be compiled as a trap while
     * only opaque images come and send the compiled filters back to the interpreter on the first translucent one.
     */
    private static int[][] planes(int planes, int width, int[] opaque) {
        int[][] rgba = new int[4][];
        for (int c = 0; c < planes; c++) {
            rgba[c] = new int[width];
        }
        if (opaque != null) {
            rgba[3] = opaque;
        }
        return rgba;
    }

    /** Row {@code y} of the shrunk source, from the ring when it is there; each row is made once. */
    private static int[][] row(BoxShrink rows, int y, int[][][] ring, int[] ringRow) {
        int slot = y % ring.length;
        if (ringRow[slot] != y) {
            rows.row(y, ring[slot]);
            ringRow[slot] = y;
        }
        return ring[slot];
    }

    private static void pack(int[][] planes, int count, int[] dst, int offset) {
        int[] r = planes[0];
        int[] g = planes[1];
        int[] b = planes[2];
        int[] a = planes[3];
        for (int x = 0; x < count; x++) {
            dst[offset + x] = a[x] << 24 | r[x] << 16 | g[x] << 8 | b[x];
        }
    }

    /**
     * Back from premultiplied, rounding as {@code (c * 255 + a / 2) / a} does, with the division done as a
     * multiplication by a per-alpha reciprocal: exact, since the dividend stays below 2^16.
     */
    private static void unpremultiply(int[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int a = p >>> 24;
            if (a == 0) {
                pixels[i] = 0;
            } else if (a != 255) {
                long reciprocal = RECIPROCALS[a];
                int half = a >> 1;
                int r = Math.min(255, (int) ((((p >> 16) & 0xFF) * 255 + half) * reciprocal >>> RECIPROCAL_SHIFT));
                int g = Math.min(255, (int) ((((p >> 8) & 0xFF) * 255 + half) * reciprocal >>> RECIPROCAL_SHIFT));
                int b = Math.min(255, (int) (((p & 0xFF) * 255 + half) * reciprocal >>> RECIPROCAL_SHIFT));
                pixels[i] = a << 24 | r << 16 | g << 8 | b;
            }
        }
    }
}
