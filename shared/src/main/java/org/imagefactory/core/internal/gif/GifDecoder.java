package org.imagefactory.core.internal.gif;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;

/**
 * Decodes a GIF's first frame composed on its canvas, as browsers show it: the frame at its offset, the rest of
 * the canvas transparent. The canvas is the logical screen, grown to hold the first frame when that frame reaches
 * past it ({@link #canvas}, as Pillow does). Only the first image is read; extensions other than its graphic
 * control block are skipped unread and whatever follows the first image (more frames, a second file) is never
 * looked at. With source subsampling s, the pixel in the middle of every s × s block of the canvas is kept, the
 * pixels ImageIO's subsampling keeps, and nothing larger than the output and one frame row is allocated.
 */
public final class GifDecoder {

    private static final int IMAGE = 0x2C;
    private static final int EXTENSION = 0x21;
    private static final int TRAILER = 0x3B;
    private static final int GRAPHIC_CONTROL = 0xF9;
    private static final int OPAQUE_BLACK = 0xFF000000;

    private GifDecoder() {
    }

    /** The canvas a first frame at ({@code left}, {@code top}) of {@code width} × {@code height} is shown on. */
    public static long[] canvas(int screenWidth, int screenHeight, int left, int top, int width, int height) {
        return new long[] {Math.max(screenWidth, (long) left + width), Math.max(screenHeight, (long) top + height)};
    }

    /**
     * Decodes the first frame of {@code file}, whose probe found a {@code width} × {@code height} canvas.
     *
     * @return {@code TYPE_INT_ARGB} when the frame has a transparent colour or leaves part of the canvas empty,
     *         {@code TYPE_INT_RGB} otherwise
     */
    public static BufferedImage decode(Path file, int width, int height, int subsampling) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return decode(in, width, height, subsampling);
        } catch (CorruptGifException e) {
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, file + ": " + e.getMessage());
        } catch (EOFException e) {
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, file + ": the file is truncated");
        }
    }

    private static BufferedImage decode(InputStream in, int width, int height, int subsampling)
            throws IOException, CorruptGifException {
        in.skipNBytes(6);
        int screenWidth = u16(in);
        int screenHeight = u16(in);
        int packed = SubBlocks.u8(in);
        in.skipNBytes(2);
        int[] global = (packed & 0x80) != 0 ? colourTable(in, packed & 7) : null;
        int transparent = -1;
        while (true) {
            int block = in.read();
            if (block == IMAGE) {
                break;
            } else if (block == EXTENSION) {
                int label = SubBlocks.u8(in);
                if (label == GRAPHIC_CONTROL) {
                    transparent = graphicControl(in);
                } else {
                    SubBlocks.skip(in);
                }
            } else if (block == TRAILER) {
                throw new CorruptGifException("the GIF has no image");
            } else if (block < 0) {
                throw new EOFException();
            } else {
                throw new CorruptGifException("the GIF has an unknown block 0x" + Integer.toHexString(block)
                        + " before its first image");
            }
        }
        int left = u16(in);
        int top = u16(in);
        int frameWidth = u16(in);
        int frameHeight = u16(in);
        int imagePacked = SubBlocks.u8(in);
        long[] canvas = canvas(screenWidth, screenHeight, left, top, frameWidth, frameHeight);
        if (canvas[0] != width || canvas[1] != height) {
            throw new CorruptGifException("the GIF's canvas is " + canvas[0] + "x" + canvas[1] + ", not the "
                    + width + "x" + height + " its header gave when probed (the file changed)");
        }
        int[] local = (imagePacked & 0x80) != 0 ? colourTable(in, imagePacked & 7) : null;
        int minimumCodeSize = SubBlocks.u8(in);
        if (minimumCodeSize < 1 || minimumCodeSize > LzwDecoder.MAX_MINIMUM_CODE_SIZE) {
            throw new CorruptGifException("the GIF image data has an LZW minimum code size of " + minimumCodeSize
                    + " (1 to " + LzwDecoder.MAX_MINIMUM_CODE_SIZE + " can be decoded)");
        }
        int[] colours = colours(local != null ? local : global, transparent);
        boolean covered = left == 0 && top == 0 && frameWidth == width && frameHeight == height;
        boolean alpha = transparent >= 0 || !covered;
        Canvas out = new Canvas(width, height, subsampling, alpha);
        Frame frame = new Frame(out, colours, left, top, frameWidth, frameHeight, (imagePacked & 0x40) != 0);
        if (frameWidth > 0 && frameHeight > 0) {
            new LzwDecoder(new SubBlocks(in), minimumCodeSize).decode(frame);
        }
        return out.image;
    }

    /** A colour table of 2^(size + 1) entries as opaque ARGB. */
    private static int[] colourTable(InputStream in, int size) throws IOException {
        int entries = 2 << size;
        byte[] rgb = in.readNBytes(3 * entries);
        if (rgb.length < 3 * entries) {
            throw new EOFException();
        }
        int[] table = new int[entries];
        for (int i = 0; i < entries; i++) {
            table[i] = OPAQUE_BLACK | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        return table;
    }

    /** The transparent colour index of a graphic control extension, or -1. */
    private static int graphicControl(InputStream in) throws IOException {
        int size = SubBlocks.u8(in);
        int transparent = -1;
        if (size >= 4) {
            int flags = SubBlocks.u8(in);
            in.skipNBytes(2);
            int index = SubBlocks.u8(in);
            transparent = (flags & 1) != 0 ? index : -1;
            in.skipNBytes(size - 4);
        } else {
            in.skipNBytes(size);
        }
        SubBlocks.skip(in);
        return transparent;
    }

    /**
     * Every index an LZW code can give (up to 2^11) mapped to ARGB: the table's colours, opaque black past its end
     * (as ImageIO pads a short table), and the transparent index, if any, fully transparent.
     */
    private static int[] colours(int[] table, int transparent) {
        int[] colours = new int[1 << LzwDecoder.MAX_MINIMUM_CODE_SIZE];
        Arrays.fill(colours, OPAQUE_BLACK);
        if (table != null) {
            System.arraycopy(table, 0, colours, 0, table.length);
        }
        if (transparent >= 0) {
            colours[transparent] = 0;
        }
        return colours;
    }

    private static int u16(InputStream in) throws IOException {
        return SubBlocks.u8(in) | SubBlocks.u8(in) << 8;
    }

    /** The output: the canvas sampled at the middle of every s × s block, transparent until the frame covers it. */
    private static final class Canvas {
        final int subsampling;
        final int offset;
        final int width;
        final int height;
        final BufferedImage image;
        final int[] pixels;

        Canvas(int canvasWidth, int canvasHeight, int subsampling, boolean alpha) throws CorruptGifException {
            this.subsampling = subsampling;
            this.offset = (subsampling - 1) / 2;
            if (offset >= canvasWidth || offset >= canvasHeight) {
                throw new CorruptGifException("subsampling " + subsampling + " leaves no pixel of the "
                        + canvasWidth + "x" + canvasHeight + " canvas");
            }
            this.width = (canvasWidth - offset + subsampling - 1) / subsampling;
            this.height = (canvasHeight - offset + subsampling - 1) / subsampling;
            this.image = new BufferedImage(width, height,
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }

        /** The output column or row of a canvas column or row, or -1 when the subsampling skips it. */
        int sample(int canvas) {
            int from = canvas - offset;
            return from >= 0 && from % subsampling == 0 ? from / subsampling : -1;
        }
    }

    /** Places the decoded indices of the frame, row after row (in interlaced order when it is interlaced). */
    private static final class Frame implements LzwDecoder.Sink {
        private final Canvas canvas;
        private final int[] colours;
        private final int left;
        private final int top;
        private final int width;
        private final int height;
        private final boolean interlaced;
        private int x;
        private int row;
        private int pass;
        private int outRow;

        Frame(Canvas canvas, int[] colours, int left, int top, int width, int height, boolean interlaced) {
            this.canvas = canvas;
            this.colours = colours;
            this.left = left;
            this.top = top;
            this.width = width;
            this.height = height;
            this.interlaced = interlaced;
            this.outRow = sampledRow();
        }

        @Override
        public boolean accept(int index) {
            if (outRow >= 0) {
                int column = canvas.sample(left + x);
                if (column >= 0 && column < canvas.width) {
                    canvas.pixels[outRow * canvas.width + column] = colours[index];
                }
            }
            if (++x < width) {
                return true;
            }
            x = 0;
            return nextRow();
        }

        private boolean nextRow() {
            if (!interlaced) {
                row++;
            } else {
                row += pass == 0 ? 8 : pass == 1 ? 8 : pass == 2 ? 4 : 2;
                while (row >= height && pass < 3) {
                    pass++;
                    row = pass == 1 ? 4 : pass == 2 ? 2 : 1;
                }
            }
            if (row >= height) {
                return false;
            }
            outRow = sampledRow();
            return true;
        }

        private int sampledRow() {
            int sampled = canvas.sample(top + row);
            return sampled < canvas.height ? sampled : -1;
        }
    }
}
