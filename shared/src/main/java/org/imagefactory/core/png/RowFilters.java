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
            cur[i] = (byte) ((cur[i] & 0xFF) + ((cur[i - bpp] & 0xFF) + (prev[i] & 0xFF)) / 2);
        }
    }

    private static void paeth(byte[] cur, byte[] prev, int bpp, int end) {
        for (int i = bpp; i < end; i++) {
            cur[i] += paethPredictor(cur[i - bpp] & 0xFF, prev[i] & 0xFF, prev[i - bpp] & 0xFF);
        }
    }

    /**
     * The Paeth predictor of left {@code a}, above {@code b} and upper-left {@code c}, in stb_image's form: it
     * picks the same neighbour as the specification's three distances with min, max and two selects, which
     * compile to conditional moves; the branches of the textbook form mispredict on photographs and cost twice
     * the time.
     */
    static int paethPredictor(int a, int b, int c) {
        int threshold = 3 * c - (a + b);
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int notLo = hi <= threshold ? lo : c;
        return threshold <= lo ? hi : notLo;
    }
}
