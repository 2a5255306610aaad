package org.imagefactory.core.internal.png;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * What a PNG says before its first {@code IDAT}: IHDR, palette, transparency and embedded profile, read the way
 * ImageIO's reader reads them (its palette padding and its leniency towards misplaced chunks included), so the
 * pixels come out the same. Anything else odd before the image data is left to ImageIO, which then reports it.
 */
final class PngHeader {

    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    private static final int IHDR = ChunkStream.type("IHDR");
    private static final int PLTE = ChunkStream.type("PLTE");
    private static final int TRNS = ChunkStream.type("tRNS");
    private static final int ICCP = ChunkStream.type("iCCP");
    private static final int IDAT = ChunkStream.type("IDAT");
    private static final int IEND = ChunkStream.type("IEND");
    private static final int MAX_ICCP_BYTES = 16 << 20;

    final int width;
    final int height;
    final int bitDepth;
    final int colourType;
    /** Palette entries as ImageIO pads them: 2, 4, 16 or 256 entries, missing ones black; null without PLTE. */
    byte[] red;
    byte[] green;
    byte[] blue;
    /** tRNS alpha for palette entries, as many as stored; null without. */
    byte[] paletteAlpha;
    /** tRNS colour for grey or RGB, 16-bit samples; null without. */
    int[] transparent;
    byte[] iccp;

    private PngHeader(int width, int height, int bitDepth, int colourType) {
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.colourType = colourType;
    }

    /** Samples per pixel. */
    int channels() {
        return switch (colourType) {
            case RGB -> 3;
            case GREY_ALPHA -> 2;
            case RGBA -> 4;
            default -> 1;
        };
    }

    /**
     * Reads up to the first IDAT chunk, leaving {@code chunks} at its data.
     *
     * @throws UnsupportedPngException for anything this decoder leaves to ImageIO, damage before the image data
     *                                 included
     */
    static PngHeader read(ChunkStream chunks, int expectedWidth, int expectedHeight)
            throws IOException, UnsupportedPngException {
        try {
            if (!chunks.signature() || chunks.next() != IHDR || chunks.length() != 13) {
                throw new UnsupportedPngException("no PNG signature and IHDR");
            }
            byte[] ihdr = chunks.readData(13);
            PngHeader header = new PngHeader(int32(ihdr, 0), int32(ihdr, 4), ihdr[8] & 0xFF, ihdr[9] & 0xFF);
            header.check(expectedWidth, expectedHeight, ihdr[10], ihdr[11], ihdr[12]);
            for (int type = chunks.next(); type != IDAT; type = chunks.next()) {
                if (type == IEND) {
                    throw new UnsupportedPngException("no IDAT chunk");
                } else if (type == PLTE) {
                    header.palette(chunks);
                } else if (type == TRNS) {
                    header.transparency(chunks);
                } else if (type == ICCP) {
                    header.profile(chunks);
                }
            }
            if (header.colourType == PALETTE && header.red == null) {
                throw new UnsupportedPngException("no PLTE chunk");
            }
            return header;
        } catch (EOFException | CorruptPngException e) {
            throw new UnsupportedPngException("damaged before its image data: " + e.getMessage());
        }
    }

    private void check(int expectedWidth, int expectedHeight, int compression, int filter, int interlace)
            throws UnsupportedPngException {
        if (width != expectedWidth || height != expectedHeight) {
            throw new UnsupportedPngException("IHDR size differs from the probe's");
        }
        boolean valid = switch (colourType) {
            case GREY -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case PALETTE -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case RGB, GREY_ALPHA, RGBA -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        if (!valid || compression != 0 || filter != 0 || interlace != 0) {
            throw new UnsupportedPngException("colour type " + colourType + ", bit depth " + bitDepth
                    + ", interlace " + interlace);
        }
    }

    /** Only an indexed image uses its palette; ImageIO fails on a suggested palette of over 256 entries. */
    private void palette(ChunkStream chunks) throws IOException, UnsupportedPngException {
        if (colourType != PALETTE) {
            if ((colourType == RGB || colourType == RGBA) && red == null && chunks.length() > 3 * 256) {
                throw new UnsupportedPngException("PLTE chunk of over 256 entries");
            }
            return;
        }
        if (red != null) {
            return;
        }
        int entries = Math.min(chunks.length() / 3, 1 << bitDepth);
        int size = entries > 16 ? 256 : entries > 4 ? 16 : entries > 2 ? 4 : 2;
        byte[] rgb = chunks.readData(Math.min(chunks.length(), 3 * 256));
        red = new byte[size];
        green = new byte[size];
        blue = new byte[size];
        for (int i = 0; i < entries; i++) {
            red[i] = rgb[3 * i];
            green[i] = rgb[3 * i + 1];
            blue[i] = rgb[3 * i + 2];
        }
    }

    private void transparency(ChunkStream chunks) throws IOException {
        int length = chunks.length();
        if (colourType == PALETTE && red != null) {
            paletteAlpha = chunks.readData(Math.min(length, red.length));
        } else if (colourType == GREY && length == 2) {
            byte[] grey = chunks.readData(2);
            transparent = new int[] {int16(grey, 0)};
        } else if (colourType == RGB && length == 6) {
            byte[] rgb = chunks.readData(6);
            transparent = new int[] {int16(rgb, 0), int16(rgb, 2), int16(rgb, 4)};
        }
    }

    /** ImageIO refuses an iCCP chunk without a keyword terminated within 80 bytes or without profile data. */
    private void profile(ChunkStream chunks) throws IOException, UnsupportedPngException {
        int length = chunks.length();
        if (length > MAX_ICCP_BYTES) {
            throw new UnsupportedPngException("iCCP chunk of " + length + " bytes");
        }
        byte[] data = chunks.readData(length);
        int keyword = 0;
        while (keyword < Math.min(length, 80) && data[keyword] != 0) {
            keyword++;
        }
        if (keyword == Math.min(length, 80) || length - keyword - 2 <= 0) {
            throw new UnsupportedPngException("malformed iCCP chunk");
        }
        iccp = Arrays.copyOfRange(data, keyword + 2, length);
    }

    private static int int32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    private static int int16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }
}
