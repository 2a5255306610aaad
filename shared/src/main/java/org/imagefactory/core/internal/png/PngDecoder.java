package org.imagefactory.core.internal.png;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.imagefactory.core.Deadline;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;

/**
 * Decodes a non-interlaced PNG row by row: inflate into a reusable row, unfilter against the previous one, and
 * convert only the sampled rows and columns, so memory follows the output, not the source. The pixels are those
 * of the ImageIO path (reader with centred source subsampling, then {@code toIntSrgb}); damaged or truncated image
 * data ends in an {@link ImageFactoryException} ({@link Failure#CORRUPT_IMAGE}) naming the file.
 */
public final class PngDecoder {

    private PngDecoder() {
    }

    /**
     * Decodes {@code file}, whose probe found {@code width} × {@code height}, once for every one of
     * {@code subsamplings}: each image keeps the pixel in the middle of every s × s block, and all come from one
     * pass over the compressed data, in the order of {@code subsamplings}.
     *
     * @throws UnsupportedPngException when the file is left to ImageIO (interlaced, anything odd before the
     *                                 image data)
     */
    public static DecodedPng decode(Path file, int width, int height, int... subsamplings)
            throws IOException, UnsupportedPngException {
        String name = String.valueOf(file);
        try (ChunkStream chunks = new ChunkStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            PngHeader header = PngHeader.read(chunks, width, height);
            return new DecodedPng(List.of(pixels(header, chunks, subsamplings)), header.iccp);
        } catch (CorruptPngException e) {
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, name + ": " + e.getMessage());
        } catch (EOFException e) {
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, name + ": the image data is truncated");
        }
    }

    private static BufferedImage[] pixels(PngHeader header, ChunkStream chunks, int[] subsamplings)
            throws IOException, UnsupportedPngException, CorruptPngException {
        int bitsPerPixel = header.channels() * header.bitDepth;
        int bpp = Math.max(1, bitsPerPixel / 8);
        long rowBytes = ((long) header.width * bitsPerPixel + 7) / 8;
        if (bpp + rowBytes > Integer.MAX_VALUE - 8) {
            throw new CorruptPngException("a row of " + header.width + " pixels is over 2 GiB");
        }
        PixelConverter converter = PixelConverter.of(header);
        Sampled[] outputs = new Sampled[subsamplings.length];
        // Rows past the last sampled one are not needed, and ImageIO stops there too.
        int lastRow = 0;
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = new Sampled(header, subsamplings[i], converter.alpha());
            lastRow = Math.max(lastRow, outputs[i].lastRow);
        }
        int end = bpp + (int) rowBytes;
        byte[] cur = new byte[end];
        byte[] prev = new byte[end];
        try (ImageData data = new ImageData(chunks)) {
            for (int y = 0; y <= lastRow; y++) {
                Deadline.check();
                // The filter byte lands just before the row, in the zero padding it is then cleared back to.
                data.readFully(cur, bpp - 1, 1 + (int) rowBytes);
                int filter = cur[bpp - 1] & 0xFF;
                cur[bpp - 1] = 0;
                if (!RowFilters.unfilter(filter, cur, prev, bpp, end)) {
                    throw new CorruptPngException("the image data is damaged (unknown row filter type " + filter
                            + ")");
                }
                for (Sampled output : outputs) {
                    output.take(y, cur, bpp, converter);
                }
                byte[] swap = prev;
                prev = cur;
                cur = swap;
            }
            data.finish();
        }
        BufferedImage[] images = new BufferedImage[outputs.length];
        for (int i = 0; i < images.length; i++) {
            images[i] = outputs[i].image;
        }
        return images;
    }

    /** One output: the rows and columns in the middle of every s × s block, converted as they go by. */
    private static final class Sampled {
        private final int subsampling;
        private final int offset;
        private final int width;
        private final int lastRow;
        private final BufferedImage image;
        private final int[] out;
        private int at;

        Sampled(PngHeader header, int subsampling, boolean alpha) throws UnsupportedPngException,
                CorruptPngException {
            this.subsampling = subsampling;
            this.offset = (subsampling - 1) / 2;
            if (offset >= header.width || offset >= header.height) {
                throw new UnsupportedPngException("subsampling " + subsampling + " leaves no pixel");
            }
            this.width = (header.width - offset + subsampling - 1) / subsampling;
            int height = (header.height - offset + subsampling - 1) / subsampling;
            if ((long) width * height > Integer.MAX_VALUE - 8) {
                throw new CorruptPngException(header.width + "x" + header.height + " is too large to decode");
            }
            this.lastRow = offset + (height - 1) * subsampling;
            this.image = new BufferedImage(width, height,
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            this.out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }

        void take(int y, byte[] row, int bpp, PixelConverter converter) {
            if (y >= offset && y <= lastRow && (y - offset) % subsampling == 0) {
                converter.convert(row, bpp, offset, subsampling, out, at, width);
                at += width;
            }
        }
    }
}
