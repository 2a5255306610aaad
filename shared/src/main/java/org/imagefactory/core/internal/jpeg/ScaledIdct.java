package org.imagefactory.core.internal.jpeg;

/**
 * Integer inverse DCTs producing 8×8, 4×4, 2×2 or 1×1 samples from one block of quantized coefficients: the
 * reduced sizes are the low-frequency part of the full transform, so scaling costs less than decoding. The
 * arithmetic follows libjpeg's {@code jidctint.c} and {@code jidctred.c} (13-bit fixed point, 2 extra bits
 * between passes) so that output matches {@code djpeg -scale 1/N}.
 */
final class ScaledIdct {

    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;

    private static final int FIX_0_211164243 = 1730;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_509795579 = 4176;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_601344887 = 4926;
    private static final int FIX_0_720959822 = 5906;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_850430095 = 6967;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_061594337 = 8697;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_272758580 = 10426;
    private static final int FIX_1_451774981 = 11893;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_172734803 = 17799;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;
    private static final int FIX_3_624509785 = 29692;

    /** Bits, in a mask of natural positions, of the AC rows each transform reads in column 0. */
    private static final long COLUMN_AC_8 = 0x0101010101010100L;
    private static final long COLUMN_AC_4 = 0x0101010001010100L;
    private static final long COLUMN_AC_2 = 0x0100010001000100L;
    /** Bits of the coefficients each transform reads outside column 0: none set means every row is flat. */
    private static final long OFF_COLUMN_0_8 = 0xFEFEFEFEFEFEFEFEL;
    private static final long OFF_COLUMN_0_4 = 0xEEEEEE00EEEEEEEEL;
    private static final long OFF_COLUMN_0_2 = 0xAA00AA00AA00AAAAL;

    private final int[] ws = new int[64];

    private static int descale(int x, int n) {
        return (x + (1 << (n - 1))) >> n;
    }

    private static byte clamp(int x) {
        return (byte) limit(x + 128);
    }

    /** {@code descale(x, n) + 128}, the sample before the range limit: adding {@code 128 << n} first is exact. */
    private static int centred(int x, int n) {
        return (x + (1 << (n - 1)) + (128 << n)) >> n;
    }

    /**
     * Limits a sample to 0..255. The second passes limit a whole row only when one of its samples is out of range,
     * which is rare in a photo. In shifts and masks: a branch here was compiled as a trap while the first photo
     * had no sample below 0, and the first that did sent the transforms back to the interpreter.
     */
    private static int limit(int v) {
        int positive = v & ~(v >> 31);
        int over = 255 - positive;
        return positive + (over & (over >> 31));
    }

    /**
     * Transforms the block at {@code in[off..off+63]} (natural order) with quantization table {@code q} into
     * {@code size}×{@code size} samples at {@code out[outOff]}, rows {@code stride} apart.
     * {@code nonZero} has bit {@code n} set for every natural position {@code n} that may hold a non-zero AC
     * coefficient: empty columns and rows take libjpeg's shortcut without a look at their coefficients.
     */
    void transform(int size, short[] in, int off, int[] q, byte[] out, int outOff, int stride, long nonZero) {
        switch (size) {
            case 8 -> idct8(in, off, q, out, outOff, stride, nonZero);
            case 4 -> idct4(in, off, q, out, outOff, stride, nonZero);
            case 2 -> idct2(in, off, q, out, outOff, stride, nonZero);
            default -> out[outOff] = clamp(descale(in[off] * q[0], 3));
        }
    }

    /**
     * A block with only a DC coefficient ({@code dequantized}) is flat: every path of the full transforms
     * reduces to this, bit for bit.
     */
    void fillDc(int size, int dequantized, byte[] out, int outOff, int stride) {
        byte value = clamp(descale(dequantized, 3));
        for (int r = 0, o = outOff; r < size; r++, o += stride) {
            for (int x = 0; x < size; x++) {
                out[o + x] = value;
            }
        }
    }

    private void idct8(short[] in, int off, int[] q, byte[] out, int outOff, int stride, long nonZero) {
        int[] ws = this.ws;
        for (int c = 0; c < 8; c++) {
            int i = off + c;
            if ((nonZero & (COLUMN_AC_8 << c)) == 0) {
                int dc = (in[i] * q[c]) << PASS1_BITS;
                for (int r = 0; r < 64; r += 8) {
                    ws[c + r] = dc;
                }
                continue;
            }
            int z2 = in[i + 16] * q[c + 16];
            int z3 = in[i + 48] * q[c + 48];
            int z1 = (z2 + z3) * FIX_0_541196100;
            int tmp2 = z1 - z3 * FIX_1_847759065;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            z2 = in[i] * q[c];
            z3 = in[i + 32] * q[c + 32];
            int tmp0 = (z2 + z3) << CONST_BITS;
            int tmp1 = (z2 - z3) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;

            tmp0 = in[i + 56] * q[c + 56];
            tmp1 = in[i + 40] * q[c + 40];
            tmp2 = in[i + 24] * q[c + 24];
            tmp3 = in[i + 8] * q[c + 8];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 = z3 * -FIX_1_961570560 + z5;
            z4 = z4 * -FIX_0_390180644 + z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;

            int n = CONST_BITS - PASS1_BITS;
            ws[c] = descale(tmp10 + tmp3, n);
            ws[c + 56] = descale(tmp10 - tmp3, n);
            ws[c + 8] = descale(tmp11 + tmp2, n);
            ws[c + 48] = descale(tmp11 - tmp2, n);
            ws[c + 16] = descale(tmp12 + tmp1, n);
            ws[c + 40] = descale(tmp12 - tmp1, n);
            ws[c + 24] = descale(tmp13 + tmp0, n);
            ws[c + 32] = descale(tmp13 - tmp0, n);
        }
        if ((nonZero & OFF_COLUMN_0_8) == 0) {
            flatRows(8, out, outOff, stride);
            return;
        }
        int n = CONST_BITS + PASS1_BITS + 3;
        for (int r = 0, w = 0; r < 8; r++, w += 8) {
            int o = outOff + r * stride;
            int z2 = ws[w + 2];
            int z3 = ws[w + 6];
            int z1 = (z2 + z3) * FIX_0_541196100;
            int tmp2 = z1 - z3 * FIX_1_847759065;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            int tmp0 = (ws[w] + ws[w + 4]) << CONST_BITS;
            int tmp1 = (ws[w] - ws[w + 4]) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;

            tmp0 = ws[w + 7];
            tmp1 = ws[w + 5];
            tmp2 = ws[w + 3];
            tmp3 = ws[w + 1];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 = z3 * -FIX_1_961570560 + z5;
            z4 = z4 * -FIX_0_390180644 + z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;

            int v0 = centred(tmp10 + tmp3, n);
            int v7 = centred(tmp10 - tmp3, n);
            int v1 = centred(tmp11 + tmp2, n);
            int v6 = centred(tmp11 - tmp2, n);
            int v2 = centred(tmp12 + tmp1, n);
            int v5 = centred(tmp12 - tmp1, n);
            int v3 = centred(tmp13 + tmp0, n);
            int v4 = centred(tmp13 - tmp0, n);
            if (((v0 | v1 | v2 | v3 | v4 | v5 | v6 | v7) & ~0xFF) != 0) {
                v0 = limit(v0);
                v1 = limit(v1);
                v2 = limit(v2);
                v3 = limit(v3);
                v4 = limit(v4);
                v5 = limit(v5);
                v6 = limit(v6);
                v7 = limit(v7);
            }
            out[o] = (byte) v0;
            out[o + 1] = (byte) v1;
            out[o + 2] = (byte) v2;
            out[o + 3] = (byte) v3;
            out[o + 4] = (byte) v4;
            out[o + 5] = (byte) v5;
            out[o + 6] = (byte) v6;
            out[o + 7] = (byte) v7;
        }
    }

    private void idct4(short[] in, int off, int[] q, byte[] out, int outOff, int stride, long nonZero) {
        int[] ws = this.ws;
        for (int c = 0; c < 8; c++) {
            if (c == 4) {
                continue;
            }
            int i = off + c;
            if ((nonZero & (COLUMN_AC_4 << c)) == 0) {
                int dc = (in[i] * q[c]) << PASS1_BITS;
                ws[c] = dc;
                ws[c + 8] = dc;
                ws[c + 16] = dc;
                ws[c + 24] = dc;
                continue;
            }
            int tmp0 = (in[i] * q[c]) << (CONST_BITS + 1);
            int tmp2 = in[i + 16] * q[c + 16] * FIX_1_847759065 - in[i + 48] * q[c + 48] * FIX_0_765366865;
            int tmp10 = tmp0 + tmp2;
            int tmp12 = tmp0 - tmp2;
            int z1 = in[i + 56] * q[c + 56];
            int z2 = in[i + 40] * q[c + 40];
            int z3 = in[i + 24] * q[c + 24];
            int z4 = in[i + 8] * q[c + 8];
            tmp0 = -z1 * FIX_0_211164243 + z2 * FIX_1_451774981 - z3 * FIX_2_172734803 + z4 * FIX_1_061594337;
            tmp2 = -z1 * FIX_0_509795579 - z2 * FIX_0_601344887 + z3 * FIX_0_899976223 + z4 * FIX_2_562915447;
            int n = CONST_BITS - PASS1_BITS + 1;
            ws[c] = descale(tmp10 + tmp2, n);
            ws[c + 24] = descale(tmp10 - tmp2, n);
            ws[c + 8] = descale(tmp12 + tmp0, n);
            ws[c + 16] = descale(tmp12 - tmp0, n);
        }
        if ((nonZero & OFF_COLUMN_0_4) == 0) {
            flatRows(4, out, outOff, stride);
            return;
        }
        int n = CONST_BITS + PASS1_BITS + 3 + 1;
        for (int r = 0, w = 0; r < 4; r++, w += 8) {
            int o = outOff + r * stride;
            int tmp0 = ws[w] << (CONST_BITS + 1);
            int tmp2 = ws[w + 2] * FIX_1_847759065 - ws[w + 6] * FIX_0_765366865;
            int tmp10 = tmp0 + tmp2;
            int tmp12 = tmp0 - tmp2;
            int z1 = ws[w + 7];
            int z2 = ws[w + 5];
            int z3 = ws[w + 3];
            int z4 = ws[w + 1];
            tmp0 = -z1 * FIX_0_211164243 + z2 * FIX_1_451774981 - z3 * FIX_2_172734803 + z4 * FIX_1_061594337;
            tmp2 = -z1 * FIX_0_509795579 - z2 * FIX_0_601344887 + z3 * FIX_0_899976223 + z4 * FIX_2_562915447;
            int v0 = centred(tmp10 + tmp2, n);
            int v3 = centred(tmp10 - tmp2, n);
            int v1 = centred(tmp12 + tmp0, n);
            int v2 = centred(tmp12 - tmp0, n);
            if (((v0 | v1 | v2 | v3) & ~0xFF) != 0) {
                v0 = limit(v0);
                v1 = limit(v1);
                v2 = limit(v2);
                v3 = limit(v3);
            }
            out[o] = (byte) v0;
            out[o + 1] = (byte) v1;
            out[o + 2] = (byte) v2;
            out[o + 3] = (byte) v3;
        }
    }

    private void idct2(short[] in, int off, int[] q, byte[] out, int outOff, int stride, long nonZero) {
        int[] ws = this.ws;
        for (int c = 0; c < 8; c++) {
            if (c == 2 || c == 4 || c == 6) {
                continue;
            }
            int i = off + c;
            if ((nonZero & (COLUMN_AC_2 << c)) == 0) {
                int dc = (in[i] * q[c]) << PASS1_BITS;
                ws[c] = dc;
                ws[c + 8] = dc;
                continue;
            }
            int tmp10 = (in[i] * q[c]) << (CONST_BITS + 2);
            int tmp0 = -in[i + 56] * q[c + 56] * FIX_0_720959822 + in[i + 40] * q[c + 40] * FIX_0_850430095
                    - in[i + 24] * q[c + 24] * FIX_1_272758580 + in[i + 8] * q[c + 8] * FIX_3_624509785;
            int n = CONST_BITS - PASS1_BITS + 2;
            ws[c] = descale(tmp10 + tmp0, n);
            ws[c + 8] = descale(tmp10 - tmp0, n);
        }
        if ((nonZero & OFF_COLUMN_0_2) == 0) {
            flatRows(2, out, outOff, stride);
            return;
        }
        int n = CONST_BITS + PASS1_BITS + 3 + 2;
        for (int r = 0, w = 0; r < 2; r++, w += 8) {
            int o = outOff + r * stride;
            int tmp10 = ws[w] << (CONST_BITS + 2);
            int tmp0 = -ws[w + 7] * FIX_0_720959822 + ws[w + 5] * FIX_0_850430095
                    - ws[w + 3] * FIX_1_272758580 + ws[w + 1] * FIX_3_624509785;
            out[o] = clamp(descale(tmp10 + tmp0, n));
            out[o + 1] = clamp(descale(tmp10 - tmp0, n));
        }
    }

    /** The second pass when only column 0 holds coefficients: each row is its first work-space value. */
    private void flatRows(int size, byte[] out, int outOff, int stride) {
        int[] ws = this.ws;
        for (int r = 0, w = 0, o = outOff; r < size; r++, w += 8, o += stride) {
            byte dc = clamp(descale(ws[w], PASS1_BITS + 3));
            for (int x = 0; x < size; x++) {
                out[o + x] = dc;
            }
        }
    }
}
