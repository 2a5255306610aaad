package org.imagefactory.core.internal.png;

/**
 * Turns the sampled pixels of one unfiltered row into packed ints exactly as the ImageIO path would: its reader's
 * image type for the colour type, then {@code SourceDecoder.toIntSrgb}. Grey keeps its stored values scaled to 8
 * bits (tRNS grey compared after that scaling, as ImageIO's reader does), 16-bit samples round to 8 bits, and
 * translucent colour, 16-bit after that rounding, goes through Java2D's source-over rounding
 * ({@link SrcOverTable}).
 */
final class PixelConverter {

    private enum Layout { PACKED, BYTE_LOOKUP, GREY16, GREY_ALPHA8, GREY_ALPHA16, RGB8, RGB16, RGBA8, RGBA16 }

    private static final int OPAQUE = 0xFF000000;

    private final Layout layout;
    private final int bitDepth;
    private final boolean alpha;
    private final int[] lookup;
    private final int[] transparent;

    private PixelConverter(Layout layout, int bitDepth, boolean alpha, int[] lookup, int[] transparent) {
        this.layout = layout;
        this.bitDepth = bitDepth;
        this.alpha = alpha;
        this.lookup = lookup;
        this.transparent = transparent;
    }

    static PixelConverter of(PngHeader header) {
        int depth = header.bitDepth;
        int[] trns = header.transparent;
        Layout lookupLayout = depth == 8 ? Layout.BYTE_LOOKUP : Layout.PACKED;
        return switch (header.colourType) {
            case PngHeader.GREY -> depth == 16
                    ? new PixelConverter(Layout.GREY16, depth, trns != null, null, trns)
                    : new PixelConverter(lookupLayout, depth, trns != null, greyLookup(depth, trns), null);
            case PngHeader.PALETTE -> {
                int[] lookup = paletteLookup(header);
                yield new PixelConverter(lookupLayout, depth, lookup == null, lookup == null
                        ? translucentPaletteLookup(header) : lookup, null);
            }
            case PngHeader.GREY_ALPHA -> new PixelConverter(depth == 8 ? Layout.GREY_ALPHA8 : Layout.GREY_ALPHA16,
                    depth, true, null, null);
            case PngHeader.RGB -> new PixelConverter(depth == 8 ? Layout.RGB8 : Layout.RGB16, depth, trns != null,
                    null, trns);
            default -> new PixelConverter(depth == 8 ? Layout.RGBA8 : Layout.RGBA16, depth, true, null, null);
        };
    }

    /** Whether the ImageIO path would hand back {@code TYPE_INT_ARGB}. */
    boolean alpha() {
        return alpha;
    }

    /**
     * Converts {@code count} pixels starting at pixel {@code x0}, every {@code step}-th, of a row whose bytes
     * start at {@code base}, into {@code out} from {@code at}.
     */
    void convert(byte[] row, int base, int x0, int step, int[] out, int at, int count) {
        switch (layout) {
            case PACKED -> packed(row, base, x0, step, out, at, count);
            case BYTE_LOOKUP -> {
                for (int k = 0, p = base + x0; k < count; k++, p += step) {
                    out[at + k] = lookup[row[p] & 0xFF];
                }
            }
            case GREY16 -> grey16(row, base, x0, step, out, at, count);
            case GREY_ALPHA8 -> {
                for (int k = 0, p = base + 2 * x0; k < count; k++, p += 2 * step) {
                    out[at + k] = (row[p + 1] & 0xFF) << 24 | (row[p] & 0xFF) * 0x010101;
                }
            }
            case GREY_ALPHA16 -> {
                for (int k = 0, p = base + 4 * x0; k < count; k++, p += 4 * step) {
                    out[at + k] = to8(row, p + 2) << 24 | to8(row, p) * 0x010101;
                }
            }
            case RGB8 -> rgb8(row, base, x0, step, out, at, count);
            case RGB16 -> rgb16(row, base, x0, step, out, at, count);
            case RGBA8 -> rgba8(row, base, x0, step, out, at, count);
            case RGBA16 -> rgba16(row, base, x0, step, out, at, count);
        }
    }

    private void packed(byte[] row, int base, int x0, int step, int[] out, int at, int count) {
        int mask = (1 << bitDepth) - 1;
        // A long: a row of 2^29 four-bit pixels is 2^31 bits.
        long bit = (long) x0 * bitDepth;
        for (int k = 0; k < count; k++, bit += (long) step * bitDepth) {
            int sample = row[base + (int) (bit >>> 3)] >> (8 - bitDepth - (int) (bit & 7)) & mask;
            out[at + k] = lookup[sample];
        }
    }

    private void grey16(byte[] row, int base, int x0, int step, int[] out, int at, int count) {
        int key = transparent == null ? -1 : transparent[0];
        for (int k = 0, p = base + 2 * x0; k < count; k++, p += 2 * step) {
            int sample = (row[p] & 0xFF) << 8 | row[p + 1] & 0xFF;
            int a = sample == key ? 0 : OPAQUE;
            out[at + k] = a | ((sample * 255 + 32767) / 65535) * 0x010101;
        }
    }

    /** A pixel matching the tRNS colour is drawn fully transparent: it leaves the transparent black it lands on. */
    private void rgb8(byte[] row, int base, int x0, int step, int[] out, int at, int count) {
        int key = transparent == null ? -1 : transparent[0] << 16 | transparent[1] << 8 | transparent[2];
        for (int k = 0, p = base + 3 * x0; k < count; k++, p += 3 * step) {
            int rgb = (row[p] & 0xFF) << 16 | (row[p + 1] & 0xFF) << 8 | row[p + 2] & 0xFF;
            out[at + k] = rgb == key ? 0 : OPAQUE | rgb;
        }
    }

    private void rgb16(byte[] row, int base, int x0, int step, int[] out, int at, int count) {
        for (int k = 0, p = base + 6 * x0; k < count; k++, p += 6 * step) {
            if (transparent != null && int16(row, p) == transparent[0] && int16(row, p + 2) == transparent[1]
                    && int16(row, p + 4) == transparent[2]) {
                out[at + k] = 0;
            } else {
                out[at + k] = OPAQUE | to8(row, p) << 16 | to8(row, p + 2) << 8 | to8(row, p + 4);
            }
        }
    }

    private static void rgba8(byte[] row, int base, int x0, int step, int[] out, int at, int count) {
        for (int k = 0, p = base + 4 * x0; k < count; k++, p += 4 * step) {
            int r = row[p] & 0xFF;
            int g = row[p + 1] & 0xFF;
            int b = row[p + 2] & 0xFF;
            int a = row[p + 3] & 0xFF;
            out[at + k] = a == 255 ? OPAQUE | r << 16 | g << 8 | b : SrcOverTable.blend(r, g, b, a);
        }
    }

    private static void rgba16(byte[] row, int base, int x0, int step, int[] out, int at, int count) {
        for (int k = 0, p = base + 8 * x0; k < count; k++, p += 8 * step) {
            out[at + k] = SrcOverTable.blend(to8(row, p), to8(row, p + 2), to8(row, p + 4), to8(row, p + 6));
        }
    }

    private static int int16(byte[] row, int p) {
        return (row[p] & 0xFF) << 8 | row[p + 1] & 0xFF;
    }

    /** Java2D's and {@code toIntSrgb}'s 16-to-8-bit rounding. */
    private static int to8(byte[] row, int p) {
        return (int16(row, p) * 255 + 32767) / 65535;
    }

    /**
     * ImageIO reads grey of 1, 2 and 4 bits through a grey palette ({@code i * 255 / max}); with tRNS it scales
     * to 8 bits first and then compares the scaled value with the tRNS sample.
     */
    private static int[] greyLookup(int depth, int[] trns) {
        int max = (1 << depth) - 1;
        int[] lookup = new int[max + 1];
        for (int s = 0; s <= max; s++) {
            int grey = trns == null ? s * 255 / max : (s * 255 + max / 2) / max;
            int a = trns != null && grey == trns[0] ? 0 : OPAQUE;
            lookup[s] = a | grey * 0x010101;
        }
        return lookup;
    }

    /** The opaque palette as ImageIO pads it to 2^depth entries, or null when some entry is not opaque. */
    private static int[] paletteLookup(PngHeader header) {
        int size = 1 << header.bitDepth;
        int[] lookup = new int[size];
        for (int i = 0; i < size; i++) {
            if (alphaOf(header, i) != 255) {
                return null;
            }
            int e = Math.min(i, header.red.length - 1);
            lookup[i] = OPAQUE | (header.red[e] & 0xFF) << 16 | (header.green[e] & 0xFF) << 8 | header.blue[e] & 0xFF;
        }
        return lookup;
    }

    private static int[] translucentPaletteLookup(PngHeader header) {
        int size = 1 << header.bitDepth;
        int[] lookup = new int[size];
        for (int i = 0; i < size; i++) {
            int e = Math.min(i, header.red.length - 1);
            lookup[i] = SrcOverTable.blend(header.red[e] & 0xFF, header.green[e] & 0xFF, header.blue[e] & 0xFF,
                    alphaOf(header, i));
        }
        return lookup;
    }

    /** Entries past those tRNS gives are opaque. */
    private static int alphaOf(PngHeader header, int i) {
        byte[] alpha = header.paletteAlpha;
        return alpha == null || i >= alpha.length ? 255 : alpha[i] & 0xFF;
    }
}
