package org.imagefactory.core.jpeg;

/**
 * Reads the entropy-coded bits of a scan, removing stuffed zero bytes. At a marker or the end of the data it
 * feeds zero bits, as T.81 allows a decoder's look-ahead to, and counts them: a scan that actually consumes them
 * was cut short, which {@link #checkNotOverrun()} reports.
 */
final class EntropyReader {

    private final byte[] data;
    private final int end;
    private int pos;
    private long acc;
    private int bits;
    private long padding;

    EntropyReader(byte[] data, int pos, int end) {
        this.data = data;
        this.pos = pos;
        this.end = end;
    }

    int position() {
        return pos;
    }

    private void fill() {
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

    /** The next {@code n} (0..16) bits as an unsigned number. */
    int receive(int n) {
        if (bits < n) {
            fill();
        }
        bits -= n;
        return (int) (acc >>> bits) & ((1 << n) - 1);
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
