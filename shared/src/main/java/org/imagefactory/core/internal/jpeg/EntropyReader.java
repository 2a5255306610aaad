package org.imagefactory.core.internal.jpeg;

import java.nio.ByteBuffer;

/**
 * Reads the entropy-coded bits of a scan, removing stuffed zero bytes. At a marker or the end of the data it
 * feeds zero bits, as T.81 allows a decoder's look-ahead to, and counts them: a scan that actually consumes them
 * was cut short, which {@link #checkNotOverrun()} reports.
 */
final class EntropyReader {

    private final byte[] data;
    /**
     * {@code data} for reading 8 bytes at once. Not a byte-array-view {@code VarHandle}: C2 compiles a call
     * through one on the assumption that its class is the only {@code VarHandle} subclass loaded, and the first
     * other one the JDK loads (it did a second into the benchmark's first pass) throws away every compiled
     * method of the entropy decoder at once.
     */
    private final ByteBuffer bigEndian;
    private final int end;
    private int pos;
    private long acc;
    private int bits;
    private long padding;
    /** Blocks after the current one that an end-of-band run leaves empty, set by {@link #decodeAc}. */
    int endOfBandRun;
    /**
     * Set by {@link #decodeAc} and {@link #refineAc}: bit {@code n} for each natural position {@code n}
     * given a non-zero value, so the inverse DCT can tell which of a block's columns are empty without reading
     * them.
     */
    long written;

    EntropyReader(byte[] data, int pos, int end) {
        this.data = data;
        this.bigEndian = ByteBuffer.wrap(data);
        this.pos = pos;
        this.end = end;
    }

    private void fill() {
        if (pos + 8 <= end) {
            long next = bigEndian.getLong(pos);
            long inverted = ~next;
            // No 0xFF among the next 8 bytes (no stuffing, no marker): append as many as fit at once. Four to
            // eight bytes: the shift by 8·count is two shifts, since Java shifts a long by 64 not at all; a branch
            // for eight (a scan's first fill) was compiled as a trap that sent the decoder back to the interpreter.
            if (((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) == 0) {
                int count = (64 - bits) >> 3;
                acc = ((acc << (count << 2)) << (count << 2)) | (next >>> (64 - (count << 3)));
                bits += count << 3;
                pos += count;
                return;
            }
        }
        while (bits <= 56) {
            int b = 0;
            if (pos < end) {
                b = data[pos] & 0xFF;
                if (b != 0xFF) {
                    pos++;
                } else if (pos + 1 < end && data[pos + 1] == 0) {
                    pos += 2;
                } else {
                    b = 0;
                    padding += 8;
                }
            } else {
                padding += 8;
            }
            acc = (acc << 8) | b;
            bits += 8;
        }
    }

    int decode(HuffmanTable table) throws CorruptJpegException {
        if (bits < 32) {
            fill();
        }
        int entry = table.fast[(int) (acc >>> (bits - HuffmanTable.FAST_BITS)) & ((1 << HuffmanTable.FAST_BITS) - 1)];
        if (entry != 0) {
            bits -= entry >> 8;
            return entry & 0xFF;
        }
        int length = HuffmanTable.FAST_BITS + 1;
        int code = (int) (acc >>> (bits - length)) & ((1 << length) - 1);
        while (code > table.maxCode[length]) {
            length++;
            code = (int) (acc >>> (bits - length)) & ((1 << length) - 1);
        }
        if (length > 16) {
            throw new CorruptJpegException("the image data holds a code its Huffman table does not define");
        }
        bits -= length;
        return table.values[table.offset[length] + code];
    }

    /** The entry of {@code table.coefficients} for the next bits, without consuming them. */
    int peekCombined(HuffmanTable table) {
        if (bits < 32) {
            fill();
        }
        return table.coefficients[(int) (acc >>> (bits - HuffmanTable.FAST_BITS))
                & ((1 << HuffmanTable.FAST_BITS) - 1)];
    }

    /** Consumes {@code n} bits that {@link #peekCombined} looked at. */
    void skip(int n) {
        bits -= n;
    }

    /**
     * Decodes the AC coefficients {@code start..end} (zig-zag) of one block into {@code out[base + natural
     * position]}, each shifted left by {@code shift}. Returns the last zig-zag index written (0 when none); an
     * end-of-band run (progressive) over further blocks is left in {@link #endOfBandRun}. The bit buffer stays
     * in locals for the whole block: this loop is most of a decode's time.
     */
    int decodeAc(HuffmanTable table, short[] out, int base, int start, int end, int shift)
            throws CorruptJpegException {
        long acc = this.acc;
        int bits = this.bits;
        int last = 0;
        long written = 0;
        int[] coefficients = table.coefficients;
        short[] fastSymbols = table.fast;
        int[] zigzag = ScanDecoder.ZIGZAG;
        for (int k = start; k <= end; k++) {
            if (bits < 32) {
                this.acc = acc;
                this.bits = bits;
                fill();
                acc = this.acc;
                bits = this.bits;
            }
            int prefix = (int) (acc >>> (bits - HuffmanTable.FAST_BITS)) & ((1 << HuffmanTable.FAST_BITS) - 1);
            int entry = coefficients[prefix];
            if (entry != 0) {
                bits -= entry & 0xFF;
                k += (entry >> 8) & 0xFF;
                if (k > 63) {
                    if (k >= HuffmanTable.END_OF_BLOCK_RUN) {
                        this.acc = acc;
                        this.bits = bits;
                        this.written = written;
                        endOfBandRun = 0;
                        return last;
                    }
                    throw new CorruptJpegException("a block has coefficients past the 64th");
                }
                int at = zigzag[k];
                out[base + at] = (short) ((entry >> 16) << shift);
                written |= 1L << at;
                last = k;
                continue;
            }
            int rs;
            int symbol = fastSymbols[prefix];
            if (symbol != 0) {
                bits -= symbol >> 8;
                rs = symbol & 0xFF;
            } else {
                this.acc = acc;
                this.bits = bits;
                rs = decode(table);
                acc = this.acc;
                bits = this.bits;
            }
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r == 15) {
                    k += 15;
                    continue;
                }
                int run = 0;
                if (r > 0) {
                    bits -= r;
                    run = ((1 << r) - 1) + ((int) (acc >>> bits) & ((1 << r) - 1));
                }
                this.acc = acc;
                this.bits = bits;
                this.written = written;
                endOfBandRun = run;
                return last;
            }
            k += r;
            if (k > 63) {
                throw new CorruptJpegException("a block has coefficients past the 64th");
            }
            bits -= s;
            int v = (int) (acc >>> bits) & ((1 << s) - 1);
            int at = zigzag[k];
            out[base + at] = (short) ((v < (1 << (s - 1)) ? v - (1 << s) + 1 : v) << shift);
            written |= 1L << at;
            last = k;
        }
        this.acc = acc;
        this.bits = bits;
        this.written = written;
        return last;
    }

    /**
     * Refines one block's AC band {@code start..end} by bit {@code low} (T.81 G.1.2.3), continuing or starting
     * an end-of-band run in {@link #endOfBandRun}. {@code last} is the block's last non-zero zig-zag index:
     * past it every coefficient is zero, so in a run only the block's first few coefficients are visited.
     * Returns the new last non-zero index. Correction bits refill at the same mark as symbols, below 32 bits: a
     * refill only when the buffer is empty is a branch the first file may never take, and C2 compiles it as a
     * trap that throws the compiled method away on the file that does (twice in the reference corpus).
     */
    int refineAc(HuffmanTable table, short[] out, int base, int start, int end, int low, int last)
            throws CorruptJpegException {
        long acc = this.acc;
        int bits = this.bits;
        int[] zigzag = ScanDecoder.ZIGZAG;
        int plus = 1 << low;
        int minus = -1 << low;
        long written = 0;
        int k = start;
        if (endOfBandRun == 0) {
            for (; k <= end; k++) {
                if (bits < 32) {
                    this.acc = acc;
                    this.bits = bits;
                    fill();
                    acc = this.acc;
                    bits = this.bits;
                }
                int rs;
                int symbol = table.fast[(int) (acc >>> (bits - HuffmanTable.FAST_BITS))
                        & ((1 << HuffmanTable.FAST_BITS) - 1)];
                if (symbol != 0) {
                    bits -= symbol >> 8;
                    rs = symbol & 0xFF;
                } else {
                    this.acc = acc;
                    this.bits = bits;
                    rs = decode(table);
                    acc = this.acc;
                    bits = this.bits;
                }
                int r = rs >> 4;
                int s = rs & 15;
                int value = 0;
                if (s != 0) {
                    if (s != 1) {
                        throw new CorruptJpegException("a refinement scan holds a coefficient of " + s + " bits");
                    }
                    bits--;
                    value = ((acc >>> bits) & 1) != 0 ? plus : minus;
                } else if (r != 15) {
                    endOfBandRun = 1 << r;
                    if (r > 0) {
                        bits -= r;
                        endOfBandRun += (int) (acc >>> bits) & ((1 << r) - 1);
                    }
                    break;
                }
                while (k <= end) {
                    if (k > last) {
                        // Only zeros remain: the new coefficient goes r zeros further on.
                        k += r;
                        break;
                    }
                    int at = base + zigzag[k];
                    int coefficient = out[at];
                    if (coefficient != 0) {
                        if (bits < 32) {
                            this.acc = acc;
                            this.bits = bits;
                            fill();
                            acc = this.acc;
                            bits = this.bits;
                        }
                        bits--;
                        if (((acc >>> bits) & 1) != 0 && (coefficient & plus) == 0) {
                            out[at] = (short) (coefficient + (coefficient >= 0 ? plus : minus));
                        }
                    } else if (--r < 0) {
                        break;
                    }
                    k++;
                }
                if (value != 0) {
                    if (k > end) {
                        throw new CorruptJpegException("a refinement scan places a coefficient outside its band");
                    }
                    out[base + zigzag[k]] = (short) value;
                    written |= 1L << zigzag[k];
                    last = Math.max(last, k);
                }
            }
        }
        if (endOfBandRun > 0) {
            for (int stop = Math.min(end, last); k <= stop; k++) {
                int at = base + zigzag[k];
                int coefficient = out[at];
                if (coefficient != 0) {
                    if (bits < 32) {
                        this.acc = acc;
                        this.bits = bits;
                        fill();
                        acc = this.acc;
                        bits = this.bits;
                    }
                    bits--;
                    if (((acc >>> bits) & 1) != 0 && (coefficient & plus) == 0) {
                        out[at] = (short) (coefficient + (coefficient >= 0 ? plus : minus));
                    }
                }
            }
            endOfBandRun--;
        }
        this.acc = acc;
        this.bits = bits;
        this.written = written;
        return last;
    }

    /** The next {@code n} (1..16) bits as a signed coefficient (T.81 F.2.2.1 EXTEND). */
    int receiveExtend(int n) {
        if (bits < n) {
            fill();
        }
        bits -= n;
        int v = (int) (acc >>> bits) & ((1 << n) - 1);
        return v < (1 << (n - 1)) ? v - (1 << n) + 1 : v;
    }

    int bit() {
        if (bits < 1) {
            fill();
        }
        bits--;
        return (int) (acc >>> bits) & 1;
    }

    void checkNotOverrun() throws CorruptJpegException {
        if (padding > bits) {
            throw new CorruptJpegException("the image data ends early (truncated file?)");
        }
    }

    /**
     * Ends one restart interval: the data must continue with the expected RSTn marker, after which decoding
     * starts afresh on a byte boundary.
     */
    void restart(int expected) throws CorruptJpegException {
        checkNotOverrun();
        int p = pos;
        while (p < end && data[p] == (byte) 0xFF && p + 1 < end && data[p + 1] == (byte) 0xFF) {
            p++;
        }
        if (p + 1 >= end || data[p] != (byte) 0xFF) {
            throw new CorruptJpegException("the image data ends before restart marker RST" + expected);
        }
        int marker = data[p + 1] & 0xFF;
        if (marker != 0xD0 + expected) {
            throw new CorruptJpegException("restart marker RST" + expected + " expected, found marker 0x"
                    + Integer.toHexString(marker));
        }
        pos = p + 2;
        acc = 0;
        bits = 0;
        padding = 0;
    }

    /** Where the next marker after this scan's data starts (tolerating stray bytes before it, as libjpeg does). */
    int endOfScan() throws CorruptJpegException {
        checkNotOverrun();
        return nextMarker(data, pos, end);
    }

    /** Skips entropy-coded data without decoding it: the position of the first marker other than RSTn. */
    static int nextMarker(byte[] data, int from, int end) throws CorruptJpegException {
        for (int p = from; p + 1 < end; p++) {
            if (data[p] == (byte) 0xFF) {
                int next = data[p + 1] & 0xFF;
                if (next != 0 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return p;
                }
            }
        }
        throw new CorruptJpegException("the image data ends without an end-of-image marker (truncated file?)");
    }
}
