package org.imagefactory.core.png;

/**
 * Undoes PNG's per-row filters in place. Rows are stored after {@code bpp} zero bytes so the left neighbour of
 * the first pixel reads as zero without a branch in the loops; the row above the first is all zeros.
 */
final class RowFilters {

    private RowFilters() {
    }

    /** Returns false for an unknown filter type. */
    static boolean unfilter(int type, byte[] cur, byte[] prev, int bpp, int end) {
        switch (type) {
            case 0 -> {
            }
            case 1 -> sub(cur, bpp, end);
            case 2 -> up(cur, prev, bpp, end);
            case 3 -> average(cur, prev, bpp, end);
            case 4 -> paeth(cur, prev, bpp, end);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void sub(byte[] cur, int bpp, int end) {
        for (int i = bpp; i < end; i++) {
            cur[i] += cur[i - bpp];
        }
    }

    private static void up(byte[] cur, byte[] prev, int bpp, int end) {
        for (int i = bpp; i < end; i++) {
            cur[i] += prev[i];
        }
    }

    private static void average(byte[] cur, byte[] prev, int bpp, int end) {
        for (int i = bpp; i < end; i++) {
            cur[i] += ((cur[i - bpp] & 0xFF) + (prev[i] & 0xFF)) >>> 1;
        }
    }

    private static void paeth(byte[] cur, byte[] prev, int bpp, int end) {
        for (int i = bpp; i < end; i++) {
            int a = cur[i - bpp] & 0xFF;
            int b = prev[i] & 0xFF;
            int c = prev[i - bpp] & 0xFF;
            int pa = b - c;
            int pb = a - c;
            int pc = Math.abs(pa + pb);
            pa = Math.abs(pa);
            pb = Math.abs(pb);
            int predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            cur[i] += predictor;
        }
    }
}
