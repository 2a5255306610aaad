package org.imagefactory.core.internal.jpeg;

/**
 * A canonical Huffman table (ITU T.81 Annex C) with an 11-bit lookup for the short codes that make up nearly all
 * of a photo's symbols, and per-length bounds for the rest.
 */
final class HuffmanTable {

    static final int FAST_BITS = 11;

    /** {@code length << 8 | symbol} for every prefix that starts with a code of up to FAST_BITS bits, else 0. */
    final short[] fast = new short[1 << FAST_BITS];
    /** Largest code of each length, or -1 when there is none; index 17 is a sentinel. */
    final int[] maxCode = new int[18];
    /** {@code values} index of a length's first symbol minus that length's first code. */
    final int[] offset = new int[17];
    final int[] values;
    /**
     * For every prefix holding a whole code and its extra bits, {@code value << 16 | run << 8 | bits used} (a DC
     * symbol reads as run 0); for symbol 0 (an AC table's end of block, a DC table's zero difference),
     * {@link #END_OF_BLOCK_RUN} as its run; else 0. Most coefficients of a photo, and the end of most blocks,
     * decode with one lookup.
     */
    final int[] coefficients = new int[1 << FAST_BITS];

    /** A run no block has room for: it ends the block. */
    static final int END_OF_BLOCK_RUN = 128;

    HuffmanTable(int[] counts, int[] values) throws CorruptJpegException {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            offset[length] = k - code;
            code += counts[length];
            k += counts[length];
            if (code > (1 << length)) {
                throw new CorruptJpegException("a Huffman table has more codes of length " + length
                        + " than fit");
            }
            maxCode[length] = counts[length] > 0 ? code - 1 : -1;
            if (length <= FAST_BITS) {
                for (int c = code - counts[length]; c < code; c++) {
                    int symbol = values[c + offset[length]];
                    int shift = FAST_BITS - length;
                    for (int fill = 0; fill < (1 << shift); fill++) {
                        fast[(c << shift) | fill] = (short) (length << 8 | symbol);
                    }
                }
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int prefix = 0; prefix < fast.length; prefix++) {
            int entry = fast[prefix];
            int length = entry >> 8;
            int size = entry & 15;
            int run = (entry >> 4) & 15;
            if (entry != 0 && size != 0 && length + size <= FAST_BITS) {
                int extra = (prefix >> (FAST_BITS - length - size)) & ((1 << size) - 1);
                int value = extra < (1 << (size - 1)) ? extra - (1 << size) + 1 : extra;
                coefficients[prefix] = value << 16 | run << 8 | (length + size);
            } else if (entry != 0 && (entry & 0xFF) == 0) {
                coefficients[prefix] = END_OF_BLOCK_RUN << 8 | length;
            }
        }
    }
}
