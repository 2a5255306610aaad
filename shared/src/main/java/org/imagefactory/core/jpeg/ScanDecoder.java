package org.imagefactory.core.jpeg;

import java.util.Arrays;

/**
 * Decodes the entropy-coded data of one scan (ITU T.81 Annex F and G). Sequential scans are transformed block
 * by block straight into the components' samples, so a baseline file never holds its coefficients; progressive
 * scans add to the coefficients the frame keeps until its last scan.
 */
final class ScanDecoder {

    /** Natural (row-major) position of each zig-zag index. */
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
        14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
        53, 60, 61, 54, 47, 55, 62, 63
    };

    private static final int SEQUENTIAL = 0;
    private static final int DC_FIRST = 1;
    private static final int DC_REFINE = 2;
    private static final int AC_FIRST = 3;
    private static final int AC_REFINE = 4;

    private final EntropyReader in;
    private final Component[] components;
    private final HuffmanTable[] dcTables;
    private final HuffmanTable[] acTables;
    private final int spectralStart;
    private final int spectralEnd;
    private final int low;
    private final int mode;
    private final ScaledIdct idct;
    private final short[] block = new short[64];
    private int eobRun;

    ScanDecoder(EntropyReader in, Component[] components, HuffmanTable[] dcTables, HuffmanTable[] acTables,
            boolean progressive, int spectralStart, int spectralEnd, int high, int low, ScaledIdct idct) {
        this.in = in;
        this.components = components;
        this.dcTables = dcTables;
        this.acTables = acTables;
        this.spectralStart = spectralStart;
        this.spectralEnd = spectralEnd;
        this.low = low;
        this.idct = idct;
        if (!progressive) {
            mode = SEQUENTIAL;
        } else if (spectralStart == 0) {
            mode = high == 0 ? DC_FIRST : DC_REFINE;
        } else {
            mode = high == 0 ? AC_FIRST : AC_REFINE;
        }
    }

    /**
     * Decodes every MCU of the scan; {@code mcusWide × mcusHigh} is the frame's MCU grid for an interleaved
     * scan. Returns where the data after the scan starts.
     */
    int decode(int mcusWide, int mcusHigh, int restartInterval) throws CorruptJpegException {
        boolean single = components.length == 1;
        int wide = single ? components[0].ownBlocksWide : mcusWide;
        int high = single ? components[0].ownBlocksHigh : mcusHigh;
        int untilRestart = restartInterval;
        int nextRestart = 0;
        for (int my = 0; my < high; my++) {
            for (int mx = 0; mx < wide; mx++) {
                if (restartInterval > 0) {
                    if (untilRestart == 0) {
                        in.restart(nextRestart);
                        nextRestart = (nextRestart + 1) & 7;
                        untilRestart = restartInterval;
                        eobRun = 0;
                        for (Component c : components) {
                            c.dcPredictor = 0;
                        }
                    }
                    untilRestart--;
                }
                if (single) {
                    decodeBlock(0, my, mx);
                } else {
                    for (int i = 0; i < components.length; i++) {
                        Component c = components[i];
                        for (int y = 0; y < c.v; y++) {
                            for (int x = 0; x < c.h; x++) {
                                decodeBlock(i, my * c.v + y, mx * c.h + x);
                            }
                        }
                    }
                }
                in.checkNotOverrun();
            }
        }
        return in.endOfScan();
    }

    private void decodeBlock(int i, int row, int col) throws CorruptJpegException {
        Component c = components[i];
        switch (mode) {
            case SEQUENTIAL -> sequential(c, dcTables[i], acTables[i], row, col);
            case DC_FIRST -> {
                c.dcPredictor += dcDifference(dcTables[i]);
                c.coefficients[(row * c.blocksWide + col) * c.coefficientsPerBlock] = (short) (c.dcPredictor << low);
            }
            case DC_REFINE -> {
                if (in.bit() != 0) {
                    c.coefficients[(row * c.blocksWide + col) * c.coefficientsPerBlock] |= (short) (1 << low);
                }
            }
            case AC_FIRST -> acFirst(c.coefficients, c.lastNonZero, row * c.blocksWide + col, acTables[i]);
            default -> acRefine(c.coefficients, c.lastNonZero, row * c.blocksWide + col, acTables[i]);
        }
    }

    private int dcDifference(HuffmanTable table) throws CorruptJpegException {
        int size = in.decode(table);
        if (size == 0) {
            return 0;
        }
        if (size > 15) {
            throw new CorruptJpegException("a DC difference of " + size + " bits is out of range");
        }
        return in.receiveExtend(size);
    }

    private void sequential(Component c, HuffmanTable dc, HuffmanTable ac, int row, int col)
            throws CorruptJpegException {
        short[] b = block;
        c.dcPredictor += dcDifference(dc);
        b[0] = (short) c.dcPredictor;
        boolean acPresent = false;
        for (int k = 1; k < 64; k++) {
            int rs = in.decode(ac);
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r != 15) {
                    break;
                }
                k += 15;
                continue;
            }
            k += r;
            if (k > 63) {
                throw new CorruptJpegException("a block has coefficients past the 64th");
            }
            b[ZIGZAG[k]] = (short) in.receiveExtend(s);
            acPresent = true;
        }
        int size = c.blockSize;
        int out = row * size * c.stride + col * size;
        if (acPresent) {
            idct.transform(size, b, 0, c.quant, c.samples, out, c.stride);
            Arrays.fill(b, (short) 0);
        } else {
            idct.fillDc(size, b[0] * c.quant[0], c.samples, out, c.stride);
        }
    }

    private void acFirst(short[] coefficients, byte[] lastNonZero, int block, HuffmanTable table)
            throws CorruptJpegException {
        if (eobRun > 0) {
            eobRun--;
            return;
        }
        int base = block * 64;
        int last = lastNonZero[block];
        for (int k = spectralStart; k <= spectralEnd; k++) {
            int rs = in.decode(table);
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r < 15) {
                    eobRun = (1 << r) - 1;
                    if (r > 0) {
                        eobRun += in.receive(r);
                    }
                    break;
                }
                k += 15;
                continue;
            }
            k += r;
            if (k > 63) {
                throw new CorruptJpegException("a block has coefficients past the 64th");
            }
            coefficients[base + ZIGZAG[k]] = (short) (in.receiveExtend(s) * (1 << low));
            last = Math.max(last, k);
        }
        lastNonZero[block] = (byte) last;
    }

    /**
     * Refines one block's band by a bit (T.81 G.1.2.3). Coefficients past the block's last non-zero one are
     * zero, so a run of end-of-bands only has to visit the block up to there: in a photo's smooth areas that
     * is a few coefficients rather than the whole band.
     */
    private void acRefine(short[] coefficients, byte[] lastNonZero, int block, HuffmanTable table)
            throws CorruptJpegException {
        int base = block * 64;
        int plus = 1 << low;
        int minus = -1 << low;
        int k = spectralStart;
        if (eobRun == 0) {
            for (; k <= spectralEnd; k++) {
                int rs = in.decode(table);
                int r = rs >> 4;
                int s = rs & 15;
                int value = 0;
                if (s != 0) {
                    if (s != 1) {
                        throw new CorruptJpegException("a refinement scan holds a coefficient of " + s + " bits");
                    }
                    value = in.bit() != 0 ? plus : minus;
                } else if (r != 15) {
                    eobRun = 1 << r;
                    if (r > 0) {
                        eobRun += in.receive(r);
                    }
                    break;
                }
                int last = lastNonZero[block];
                do {
                    if (k > last) {
                        // Only zeros remain: the new coefficient goes r zeros further on.
                        k += r;
                        break;
                    }
                    int at = base + ZIGZAG[k];
                    int coefficient = coefficients[at];
                    if (coefficient != 0) {
                        refine(coefficients, at, coefficient, plus, minus);
                    } else if (--r < 0) {
                        break;
                    }
                    k++;
                } while (k <= spectralEnd);
                if (value != 0) {
                    if (k > spectralEnd) {
                        throw new CorruptJpegException("a refinement scan places a coefficient outside its band");
                    }
                    coefficients[base + ZIGZAG[k]] = (short) value;
                    if (k > lastNonZero[block]) {
                        lastNonZero[block] = (byte) k;
                    }
                }
            }
        }
        if (eobRun > 0) {
            for (int end = Math.min(spectralEnd, lastNonZero[block]); k <= end; k++) {
                int at = base + ZIGZAG[k];
                int coefficient = coefficients[at];
                if (coefficient != 0) {
                    refine(coefficients, at, coefficient, plus, minus);
                }
            }
            eobRun--;
        }
    }

    private void refine(short[] coefficients, int at, int coefficient, int plus, int minus) {
        if (in.bit() != 0 && (coefficient & plus) == 0) {
            coefficients[at] = (short) (coefficient + (coefficient >= 0 ? plus : minus));
        }
    }
}
