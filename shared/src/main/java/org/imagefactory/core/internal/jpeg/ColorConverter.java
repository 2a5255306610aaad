package org.imagefactory.core.internal.jpeg;

/**
 * Brings each component to the output grid and converts to RGB, a row at a time. Chroma upsampling is
 * libjpeg's: a triangle filter ("fancy" upsampling) for 2× steps, replication otherwise; YCbCr → RGB is its
 * 16-bit fixed-point conversion, so output agrees with {@code djpeg}.
 */
final class ColorConverter {

    static final int GRAY = 0;
    static final int YCBCR = 1;
    static final int RGB = 2;

    /** Columns per call of the upsampling loop; see {@link #fancyH2Segment}. */
    private static final int SEGMENT = 64;

    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];
    /** Clamps {@code value + 384} to 0..255. */
    private static final int[] CLAMP = new int[1024];

    static {
        int half = 1 << 15;
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + half) >> 16;
            CB_B[i] = (fix(1.77200) * x + half) >> 16;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + half;
        }
        for (int i = 0; i < CLAMP.length; i++) {
            CLAMP[i] = Math.max(0, Math.min(255, i - 384));
        }
    }

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    private final Component[] components;
    private final int planeIndex;
    private final int maxH;
    private final int maxV;
    private final int minBlockSize;
    private final int width;
    private final int height;
    private final int colours;

    /**
     * Converts the samples of {@code components[i].planes[planeIndex]}: the scale whose smallest blocks are
     * {@code minBlockSize} samples wide.
     */
    ColorConverter(Component[] components, int planeIndex, int maxH, int maxV, int minBlockSize, int width,
            int height, int colours) {
        this.components = components;
        this.planeIndex = planeIndex;
        this.maxH = maxH;
        this.maxV = maxV;
        this.minBlockSize = minBlockSize;
        this.width = width;
        this.height = height;
        this.colours = colours;
    }

    /**
     * Writes {@code 0xRRGGBB} pixels into {@code out}, {@code width} per row. Each row's work is a call of a small
     * method: a file that brings a new sampling or colour space makes the JIT recompile this loop, not the
     * per-pixel code, which stays compiled meanwhile.
     */
    void convert(int[] out) {
        Row[] rows = new Row[components.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Row(components[i], components[i].planes[planeIndex]);
        }
        for (int y = 0, o = 0; y < height; y++, o += width) {
            Row a = rows[0].at(y);
            if (colours == GRAY) {
                gray(a.buffer, a.offset, out, o, width);
                continue;
            }
            Row b = rows[1].at(y);
            Row c = rows[2].at(y);
            if (colours == RGB) {
                rgb(a.buffer, a.offset, b.buffer, b.offset, c.buffer, c.offset, out, o, width);
            } else {
                ycbcr(a.buffer, a.offset, b.buffer, b.offset, c.buffer, c.offset, out, o, width);
            }
        }
    }

    private static void gray(byte[] s, int i, int[] out, int o, int width) {
        for (int x = 0; x < width; x++) {
            out[o + x] = (s[i + x] & 0xFF) * 0x010101;
        }
    }

    private static void rgb(byte[] s0, int i0, byte[] s1, int i1, byte[] s2, int i2, int[] out, int o, int width) {
        for (int x = 0; x < width; x++) {
            out[o + x] = (s0[i0 + x] & 0xFF) << 16 | (s1[i1 + x] & 0xFF) << 8 | (s2[i2 + x] & 0xFF);
        }
    }

    private static void ycbcr(byte[] s0, int i0, byte[] s1, int i1, byte[] s2, int i2, int[] out, int o,
            int width) {
        for (int x = 0; x < width; x++) {
            int luma = s0[i0 + x] & 0xFF;
            int cb = s1[i1 + x] & 0xFF;
            int cr = s2[i2 + x] & 0xFF;
            int r = luma + CR_R[cr];
            int g = luma + ((CB_G[cb] + CR_G[cr]) >> 16);
            int b = luma + CB_B[cb];
            if (((r | g | b) & ~0xFF) != 0) {
                // Out of gamut, which is rare in a photo: clamp.
                r = CLAMP[r + 384];
                g = CLAMP[g + 384];
                b = CLAMP[b + 384];
            }
            out[o + x] = r << 16 | g << 8 | b;
        }
    }

    /** One component's samples for an output row: its own row when it is at full resolution, else upsampled. */
    private final class Row {
        private static final int DIRECT = 0;
        private static final int REPLICATE = 1;
        private static final int FANCY_H2V1 = 2;
        private static final int FANCY_H1V2 = 3;
        private static final int FANCY_H2V2 = 4;

        private final Plane c;
        private final int hExpand;
        private final int vExpand;
        private final int mode;
        private final byte[] own;
        byte[] buffer;
        int offset;

        Row(Component component, Plane c) {
            this.c = c;
            hExpand = maxH / (component.h * c.blockSize / minBlockSize);
            vExpand = maxV / (component.v * c.blockSize / minBlockSize);
            // libjpeg has no triangle filter at 1/8 scale (its context rows need blocks of more than one sample).
            boolean fancy = minBlockSize > 1;
            if (hExpand == 1 && vExpand == 1) {
                mode = DIRECT;
            } else if (hExpand == 2 && vExpand == 1 && fancy && c.scaledWidth > 2) {
                mode = FANCY_H2V1;
            } else if (hExpand == 1 && vExpand == 2 && fancy) {
                mode = FANCY_H1V2;
            } else if (hExpand == 2 && vExpand == 2 && fancy && c.scaledWidth > 2) {
                mode = FANCY_H2V2;
            } else {
                mode = REPLICATE;
            }
            own = mode == DIRECT ? null : new byte[Math.max(width, c.scaledWidth * hExpand)];
        }

        Row at(int y) {
            int inRow = Math.min(y / vExpand, c.scaledHeight - 1);
            int base = inRow * c.stride;
            if (mode == DIRECT) {
                buffer = c.samples;
                offset = base;
                return this;
            }
            buffer = own;
            offset = 0;
            // One small method per filter: each is compiled on its own, and a file that brings a new sampling
            // does not make the JIT recompile the others.
            switch (mode) {
                case FANCY_H2V1 -> fancyH2(c.samples, base, base, c.scaledWidth, own, 4, 8);
                case FANCY_H1V2 -> fancyH1V2(c.samples, base, neighbour(y, inRow) * c.stride, (y & 1) == 0 ? 1 : 2,
                        c.scaledWidth, own);
                case FANCY_H2V2 -> fancyH2(c.samples, base, neighbour(y, inRow) * c.stride, c.scaledWidth, own,
                        8, 7);
                default -> replicate(c.samples, base, c.scaledWidth, hExpand, own);
            }
            return this;
        }

        /** The input row a vertical triangle filter blends with: above for even output rows, below for odd. */
        private int neighbour(int y, int inRow) {
            int other = (y & 1) == 0 ? inRow - 1 : inRow + 1;
            return Math.max(0, Math.min(other, c.scaledHeight - 1));
        }
    }

    private static void fancyH1V2(byte[] s, int base, int far, int bias, int w, byte[] own) {
        for (int x = 0; x < w; x++) {
            own[x] = (byte) (((s[base + x] & 0xFF) * 3 + (s[far + x] & 0xFF) + bias) >> 2);
        }
    }

    /**
     * libjpeg's 2× horizontal triangle filter over column sums {@code 3 × near + far}: with {@code far} the near
     * row itself it is h2v1 (biases 4 and 8 give its rounding), with the other input row h2v2 (biases 8 and 7).
     * One routine for both, so the first file of a new sampling finds it compiled already. The sums slide
     * through locals in one loop rather than going through an array in two: C2 unrolls a loop it could
     * vectorize, like the array's, sixteen deep, which made this method's compile take 50 ms of the first
     * pass, and the one loop runs faster as well.
     */
    private static void fancyH2(byte[] s, int base, int far, int w, byte[] own, int leftBias, int rightBias) {
        int here = (s[base] & 0xFF) * 3 + (s[far] & 0xFF);
        own[0] = (byte) ((here * 4 + leftBias) >> 4);
        for (int x = 1; x < w; x += SEGMENT) {
            here = fancyH2Segment(s, base, far, x, Math.min(w, x + SEGMENT), here, own, leftBias, rightBias);
        }
        own[2 * w - 1] = (byte) ((here * 4 + rightBias) >> 4);
    }

    /**
     * Columns {@code from} to {@code to} of {@link #fancyH2}, given the column sum left of {@code from}; returns
     * the sum of the last column. A row is done in short calls so that the JIT's first compile (C1, in a
     * millisecond) comes after a few rows: with one long loop per row the interpreter's back-edge counts made the
     * method wait in the interpreter, a row at a time, for C2 (about 90 ms of the first 4:2:2 photo).
     */
    private static int fancyH2Segment(byte[] s, int base, int far, int from, int to, int here, byte[] own,
            int leftBias, int rightBias) {
        int left = here;
        for (int x = from, o = 2 * from - 1; x < to; x++, o += 2) {
            int right = (s[base + x] & 0xFF) * 3 + (s[far + x] & 0xFF);
            own[o] = (byte) ((left * 3 + right + rightBias) >> 4);
            own[o + 1] = (byte) ((right * 3 + left + leftBias) >> 4);
            left = right;
        }
        return left;
    }

    private static void replicate(byte[] s, int base, int w, int factor, byte[] own) {
        for (int x = 0, o = 0; x < w; x++) {
            byte value = s[base + x];
            for (int r = 0; r < factor; r++) {
                own[o++] = value;
            }
        }
    }
}
