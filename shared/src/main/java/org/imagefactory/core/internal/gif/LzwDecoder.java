package org.imagefactory.core.internal.gif;

import java.io.IOException;

/**
 * GIF's variable-length LZW, as every viewer reads it: codes of 2 to 12 bits, a table of at most 4,096 entries that
 * stops growing when full (a "deferred clear"), and minimum code sizes up to 11, which browsers, giflib's heirs,
 * libvips and Pillow decode though the specification's palettes stop at 8 bits. Emits colour indices in stream
 * order; never holds more than the table and one string.
 */
final class LzwDecoder {

    /** Where decoded indices go; returns false once it wants no more. */
    interface Sink {
        boolean accept(int index);
    }

    static final int MAX_MINIMUM_CODE_SIZE = 11;
    private static final int MAX_CODES = 4096;

    private final SubBlocks in;
    private final int minimumCodeSize;
    private final short[] prefix = new short[MAX_CODES];
    private final short[] suffix = new short[MAX_CODES];
    private final short[] first = new short[MAX_CODES];
    private final short[] stack = new short[MAX_CODES + 1];
    private int bits;
    private int bitCount;

    LzwDecoder(SubBlocks in, int minimumCodeSize) {
        this.in = in;
        this.minimumCodeSize = minimumCodeSize;
    }

    /**
     * Decodes until the end code, the end of the data or a full sink.
     *
     * @throws CorruptGifException for a code that is not yet in the table
     */
    void decode(Sink sink) throws IOException, CorruptGifException {
        int clear = 1 << minimumCodeSize;
        int end = clear + 1;
        int codeSize = minimumCodeSize + 1;
        int next = clear + 2;
        int previous = -1;
        for (int i = 0; i < clear; i++) {
            first[i] = (short) i;
        }
        while (true) {
            int code = readCode(codeSize);
            if (code < 0 || code == end) {
                return;
            }
            if (code == clear) {
                codeSize = minimumCodeSize + 1;
                next = clear + 2;
                previous = -1;
                continue;
            }
            int depth = 0;
            if (previous < 0) {
                if (code > clear) {
                    throw new CorruptGifException("the LZW data starts with code " + code + ", not a colour");
                }
            } else if (code < next) {
                if (next < MAX_CODES) {
                    add(next++, previous, first[code]);
                }
            } else if (code == next && next < MAX_CODES) {
                add(next++, previous, first[previous]);
            } else {
                throw new CorruptGifException("the LZW data is damaged (code " + code + " before its table entry)");
            }
            int c = code;
            while (c >= clear) {
                stack[depth++] = suffix[c];
                c = prefix[c];
            }
            stack[depth++] = (short) c;
            while (depth > 0) {
                if (!sink.accept(stack[--depth])) {
                    return;
                }
            }
            if (next == 1 << codeSize && codeSize < 12) {
                codeSize++;
            }
            previous = code;
        }
    }

    private void add(int code, int previous, int firstOfNew) {
        prefix[code] = (short) previous;
        suffix[code] = (short) firstOfNew;
        first[code] = first[previous];
    }

    private int readCode(int size) throws IOException {
        while (bitCount < size) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            bits |= b << bitCount;
            bitCount += 8;
        }
        int code = bits & ((1 << size) - 1);
        bits >>>= size;
        bitCount -= size;
        return code;
    }
}
