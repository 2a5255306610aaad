package org.imagefactory.core.internal.png;

/**
 * Undoes PNG's per-row filters in place. Rows are stored after {@code bpp} zero bytes so the left neighbour of
 * the first pixel reads as zero without a branch in the loops; the row above the first is all zeros.
 *
 * <p>Sub, Average and Paeth feed each byte into the next pixel's. For 3 and 4 bytes a pixel (8-bit RGB and
 * RGBA, nearly every photograph) the left pixel stays in registers, so the channels run as independent chains
 * instead of each waiting on the byte just stored; that halves the time of these loops.
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
        if (bpp == 4) {
            sub4(cur, end);
        } else if (bpp == 3) {
            sub3(cur, end);
        } else {
            subAny(cur, bpp, end);
        }
    }

    /**
     * Sub for 4 and 3 bytes a pixel runs one channel at a time. With the channels interleaved in one loop C2
     * unrolled it sixteen deep to try vector instructions, a compile of 100 ms (60 for 3 bytes) in the middle of
     * the first PNG; a channel's loop compiles in a few and its running sum still stays in a register.
     */
    private static void sub4(byte[] cur, int end) {
        for (int channel = 4; channel < 8; channel++) {
            int left = 0;
            for (int i = channel; i < end; i += 4) {
                left += cur[i];
                cur[i] = (byte) left;
            }
        }
    }

    private static void sub3(byte[] cur, int end) {
        for (int channel = 3; channel < 6; channel++) {
            int left = 0;
            for (int i = channel; i < end; i += 3) {
                left += cur[i];
                cur[i] = (byte) left;
            }
        }
    }

    private static void subAny(byte[] cur, int bpp, int end) {
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
        if (bpp == 4) {
            average4(cur, prev, end);
        } else if (bpp == 3) {
            average3(cur, prev, end);
        } else {
            averageAny(cur, prev, bpp, end);
        }
    }

    private static void average4(byte[] cur, byte[] prev, int end) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        for (int i = 4; i < end; i += 4) {
            a0 = (cur[i] + ((a0 + (prev[i] & 0xFF)) >> 1)) & 0xFF;
            a1 = (cur[i + 1] + ((a1 + (prev[i + 1] & 0xFF)) >> 1)) & 0xFF;
            a2 = (cur[i + 2] + ((a2 + (prev[i + 2] & 0xFF)) >> 1)) & 0xFF;
            a3 = (cur[i + 3] + ((a3 + (prev[i + 3] & 0xFF)) >> 1)) & 0xFF;
            cur[i] = (byte) a0;
            cur[i + 1] = (byte) a1;
            cur[i + 2] = (byte) a2;
            cur[i + 3] = (byte) a3;
        }
    }

    private static void average3(byte[] cur, byte[] prev, int end) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        for (int i = 3; i < end; i += 3) {
            a0 = (cur[i] + ((a0 + (prev[i] & 0xFF)) >> 1)) & 0xFF;
            a1 = (cur[i + 1] + ((a1 + (prev[i + 1] & 0xFF)) >> 1)) & 0xFF;
            a2 = (cur[i + 2] + ((a2 + (prev[i + 2] & 0xFF)) >> 1)) & 0xFF;
            cur[i] = (byte) a0;
            cur[i + 1] = (byte) a1;
            cur[i + 2] = (byte) a2;
        }
    }

    private static void averageAny(byte[] cur, byte[] prev, int bpp, int end) {
        for (int i = bpp; i < end; i++) {
            cur[i] = (byte) ((cur[i] & 0xFF) + ((cur[i - bpp] & 0xFF) + (prev[i] & 0xFF)) / 2);
        }
    }

    private static void paeth(byte[] cur, byte[] prev, int bpp, int end) {
        if (bpp == 4) {
            paeth4(cur, prev, end);
        } else if (bpp == 3) {
            paeth3(cur, prev, end);
        } else {
            paethAny(cur, prev, bpp, end);
        }
    }

    private static void paeth4(byte[] cur, byte[] prev, int end) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        int c3 = 0;
        for (int i = 4; i < end; i += 4) {
            int b0 = prev[i] & 0xFF;
            int b1 = prev[i + 1] & 0xFF;
            int b2 = prev[i + 2] & 0xFF;
            int b3 = prev[i + 3] & 0xFF;
            a0 = (cur[i] + paethPredictor(a0, b0, c0)) & 0xFF;
            a1 = (cur[i + 1] + paethPredictor(a1, b1, c1)) & 0xFF;
            a2 = (cur[i + 2] + paethPredictor(a2, b2, c2)) & 0xFF;
            a3 = (cur[i + 3] + paethPredictor(a3, b3, c3)) & 0xFF;
            cur[i] = (byte) a0;
            cur[i + 1] = (byte) a1;
            cur[i + 2] = (byte) a2;
            cur[i + 3] = (byte) a3;
            c0 = b0;
            c1 = b1;
            c2 = b2;
            c3 = b3;
        }
    }

    private static void paeth3(byte[] cur, byte[] prev, int end) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        for (int i = 3; i < end; i += 3) {
            int b0 = prev[i] & 0xFF;
            int b1 = prev[i + 1] & 0xFF;
            int b2 = prev[i + 2] & 0xFF;
            a0 = (cur[i] + paethPredictor(a0, b0, c0)) & 0xFF;
            a1 = (cur[i + 1] + paethPredictor(a1, b1, c1)) & 0xFF;
            a2 = (cur[i + 2] + paethPredictor(a2, b2, c2)) & 0xFF;
            cur[i] = (byte) a0;
            cur[i + 1] = (byte) a1;
            cur[i + 2] = (byte) a2;
            c0 = b0;
            c1 = b1;
            c2 = b2;
        }
    }

    private static void paethAny(byte[] cur, byte[] prev, int bpp, int end) {
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
