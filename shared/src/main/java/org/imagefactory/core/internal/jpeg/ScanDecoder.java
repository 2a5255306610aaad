package org.imagefactory.core.internal.jpeg;

import java.util.Arrays;

import org.imagefactory.core.Deadline;

/**
 * Decodes the entropy-coded data of one scan (ITU T.81 Annex F and G). Sequential scans are transformed block
 * by block straight into the components' samples at every requested scale, so a baseline file never holds its
 * coefficients and is entropy-decoded once however many scales are asked for; progressive
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
    /**
     * The blocks of one MCU, in coding order: block {@code b} belongs to {@code components[blockComponent[b]]} and
     * sits at block row {@code my * blockRows[b] + blockRow[b]}, column {@code mx * blockColumns[b] +
     * blockColumn[b]} of MCU (mx, my). A scan of one component has one block an MCU.
     */
    private final int mcuBlocks;
    private final int[] blockComponent;
    private final int[] blockRows;
    private final int[] blockRow;
    private final int[] blockColumns;
    private final int[] blockColumn;
    private int eobRun;
    /** MCUs left before the next restart marker, and that marker's number. */
    private int untilRestart;
    private int nextRestart;

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
        int blocks = 0;
        for (Component c : components) {
            blocks += components.length == 1 ? 1 : c.h * c.v;
        }
        mcuBlocks = blocks;
        blockComponent = new int[blocks];
        blockRows = new int[blocks];
        blockRow = new int[blocks];
        blockColumns = new int[blocks];
        blockColumn = new int[blocks];
        for (int i = 0, b = 0; i < components.length; i++) {
            Component c = components[i];
            int rows = components.length == 1 ? 1 : c.v;
            int columns = components.length == 1 ? 1 : c.h;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++, b++) {
                    blockComponent[b] = i;
                    blockRows[b] = rows;
                    blockRow[b] = y;
                    blockColumns[b] = columns;
                    blockColumn[b] = x;
                }
            }
        }
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
        untilRestart = restartInterval;
        for (int my = 0; my < high; my++) {
            Deadline.check();
            decodeRow(my, wide, restartInterval);
        }
        return in.endOfScan();
    }

    /**
     * Decodes one row of MCUs. A call per row rather than one loop over the scan: the JIT compiles this method
     * as a whole early in the first file, instead of replacing a long-running loop mid-way. The scan's kind is
     * chosen here, once a row, and each kind has a row method of its own with no other kind's code in it: a
     * per-block choice, compiled before a kind first appeared (the first baseline file, a DC refinement after AC
     * scans), sent the decoder back to the interpreter and through C2 again.
     */
    private void decodeRow(int my, int wide, int restartInterval) throws CorruptJpegException {
        switch (mode) {
            case SEQUENTIAL -> sequentialRow(my, wide, restartInterval);
            case DC_FIRST -> dcFirstRow(my, wide, restartInterval);
            case DC_REFINE -> dcRefineRow(my, wide, restartInterval);
            case AC_FIRST -> acFirstRow(my, wide, restartInterval);
            default -> acRefineRow(my, wide, restartInterval);
        }
    }

    private void sequentialRow(int my, int wide, int restartInterval) throws CorruptJpegException {
        for (int mx = 0; mx < wide; mx++) {
            restartIfDue(restartInterval);
            for (int b = 0; b < mcuBlocks; b++) {
                int i = blockComponent[b];
                sequential(components[i], dcTables[i], acTables[i], my * blockRows[b] + blockRow[b],
                        mx * blockColumns[b] + blockColumn[b]);
            }
            in.checkNotOverrun();
        }
    }

    private void dcFirstRow(int my, int wide, int restartInterval) throws CorruptJpegException {
        for (int mx = 0; mx < wide; mx++) {
            restartIfDue(restartInterval);
            for (int b = 0; b < mcuBlocks; b++) {
                Component c = components[blockComponent[b]];
                c.dcPredictor += dcDifference(dcTables[blockComponent[b]]);
                c.dc[(my * blockRows[b] + blockRow[b]) * c.blocksWide + mx * blockColumns[b] + blockColumn[b]] =
                        (short) (c.dcPredictor << low);
            }
            in.checkNotOverrun();
        }
    }

    private void dcRefineRow(int my, int wide, int restartInterval) throws CorruptJpegException {
        short bit = (short) (1 << low);
        for (int mx = 0; mx < wide; mx++) {
            restartIfDue(restartInterval);
            for (int b = 0; b < mcuBlocks; b++) {
                Component c = components[blockComponent[b]];
                if (in.bit() != 0) {
                    c.dc[(my * blockRows[b] + blockRow[b]) * c.blocksWide + mx * blockColumns[b] + blockColumn[b]]
                            |= bit;
                }
            }
            in.checkNotOverrun();
        }
    }

    /** AC scans of a progressive file have one component (T.81 G.1.1.1.1), so an MCU is one block. */
    private void acFirstRow(int my, int wide, int restartInterval) throws CorruptJpegException {
        Component c = components[0];
        HuffmanTable table = acTables[0];
        for (int mx = 0, block = my * c.blocksWide; mx < wide; mx++, block++) {
            restartIfDue(restartInterval);
            acFirst(c, block, table);
            in.checkNotOverrun();
        }
    }

    private void acRefineRow(int my, int wide, int restartInterval) throws CorruptJpegException {
        Component c = components[0];
        HuffmanTable table = acTables[0];
        for (int mx = 0, block = my * c.blocksWide; mx < wide; mx++, block++) {
            restartIfDue(restartInterval);
            acRefine(c, block, table);
            in.checkNotOverrun();
        }
    }

    private void restartIfDue(int restartInterval) throws CorruptJpegException {
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
    }

    private int dcDifference(HuffmanTable table) throws CorruptJpegException {
        int entry = in.peekCombined(table);
        int run = entry & 0xFF00;
        if (run == 0 && entry != 0) {
            // A short code and its extra bits in one lookup (a DC symbol is its size: the run part is 0).
            in.skip(entry & 0xFF);
            return entry >> 16;
        }
        if (run == HuffmanTable.END_OF_BLOCK_RUN << 8) {
            // Symbol 0: no difference.
            in.skip(entry & 0xFF);
            return 0;
        }
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
        boolean acPresent = in.decodeAc(ac, b, 0, 1, 63, 0) != 0;
        for (Plane p : c.planes) {
            int size = p.blockSize;
            int out = row * size * p.stride + col * size;
            if (acPresent) {
                idct.transform(size, b, 0, c.quant, p.samples, out, p.stride, in.written);
            } else {
                idct.fillDc(size, b[0] * c.quant[0], p.samples, out, p.stride);
            }
        }
        if (acPresent) {
            Arrays.fill(b, (short) 0);
        }
    }

    private void acFirst(Component c, int block, HuffmanTable table) throws CorruptJpegException {
        if (eobRun > 0) {
            eobRun--;
            return;
        }
        in.endOfBandRun = 0;
        int last = in.decodeAc(table, c.coefficients, block * 64, spectralStart, spectralEnd, low);
        eobRun = in.endOfBandRun;
        c.nonZero[block] |= in.written;
        if (last > c.lastNonZero[block]) {
            c.lastNonZero[block] = (byte) last;
        }
    }

    private void acRefine(Component c, int block, HuffmanTable table) throws CorruptJpegException {
        in.endOfBandRun = eobRun;
        int last = in.refineAc(table, c.coefficients, block * 64, spectralStart, spectralEnd, low,
                c.lastNonZero[block]);
        eobRun = in.endOfBandRun;
        c.nonZero[block] |= in.written;
        c.lastNonZero[block] = (byte) last;
    }
}
