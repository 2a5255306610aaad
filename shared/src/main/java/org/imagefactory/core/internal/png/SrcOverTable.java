package org.imagefactory.core.internal.png;

/**
 * What the ImageIO path makes of a translucent 8-bit pixel: it draws the reader's image onto a transparent
 * {@code TYPE_INT_ARGB} one, and Java2D's source-over loop premultiplies and divides back with its own 8-bit
 * tables ({@code mul8table}, {@code div8table}, built in {@code AlphaMath.c}), so a colour behind a partial alpha
 * can move by one. The table is those two steps in Java2D's arithmetic, computed here rather than drawn: drawing
 * it started Java2D's whole rendering pipeline (graphics environment, fonts, loops), 10-20 ms of the first
 * translucent PNG. A test checks every (alpha, channel) pair against Java2D itself.
 */
final class SrcOverTable {

    /** Indexed by {@code alpha << 8 | channel}: the ARGB pixel a grey (channel, channel, channel, alpha) becomes. */
    private static final int[] TABLE = build();

    private SrcOverTable() {
    }

    /** The pixel a non-premultiplied (r, g, b, a) becomes; exact for a == 0 and a == 255 too. */
    static int blend(int r, int g, int b, int a) {
        int row = a << 8;
        return TABLE[row | r] & 0xFFFF0000 | TABLE[row | g] & 0xFF00 | TABLE[row | b] & 0xFF;
    }

    private static int[] build() {
        int[] table = new int[256 * 256];
        // Alpha 0 draws nothing: the pixel stays transparent black.
        for (int a = 1; a < 256; a++) {
            // div8table's step for this alpha: 255 / a in 8.24 fixed point, rounded.
            long step = ((0xFFL << 24) + a / 2) / a;
            for (int c = 0; c < 256; c++) {
                // mul8table[a][c], a · c / 255 rounded (the product stays below 2^32), then div8table[a][that].
                int premultiplied = (a * c * 0x10101 + (1 << 23)) >>> 24;
                int v = a == 255 ? c
                        : premultiplied >= a ? 255 : (int) (((1L << 23) + premultiplied * step) >>> 24);
                table[a << 8 | c] = a << 24 | v << 16 | v << 8 | v;
            }
        }
        return table;
    }
}
