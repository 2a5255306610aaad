package org.imagefactory.core.png;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
     * Decodes {@code file}, whose probe found {@code width} × {@code height}, keeping the pixel in the middle of
     * every {@code subsampling} × {@code subsampling} block.
     *
     * @throws UnsupportedPngException when the file is left to ImageIO (interlaced, anything odd before the
     *                                 image data)
     */
    public static DecodedPng decode(Path file, int width, int height, int subsampling)
            throws IOException, UnsupportedPngException {
        String name = String.valueOf(file);
        try (ChunkStream chunks = new ChunkStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            PngHeader header = PngHeader.read(chunks, width, height);
            return new DecodedPng(pixels(header, chunks, subsampling), header.iccp);
        } catch (CorruptPngException e) {
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, name + ": " + e.getMessage());
        } catch (EOFException e) {
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, name + ": the image data is truncated");
        }
    }

    private static BufferedImage pixels(PngHeader header, ChunkStream chunks, int subsampling)
            throws IOException, UnsupportedPngException, CorruptPngException {
        int offset = (subsampling - 1) / 2;
        if (offset >= header.width || offset >= header.height) {
            throw new UnsupportedPngException("subsampling " + subsampling + " leaves no pixel");
        }
        int bitsPerPixel = header.channels() * header.bitDepth;
        int bpp = Math.max(1, bitsPerPixel / 8);
        long rowBytes = ((long) header.width * bitsPerPixel + 7) / 8;
        if (bpp + rowBytes > Integer.MAX_VALUE - 8) {
            throw new CorruptPngException("a row of " + header.width + " pixels is over 2 GiB");
        }
        int outWidth = (header.width - offset + subsampling - 1) / subsampling;
        int outHeight = (header.height - offset + subsampling - 1) / subsampling;
        if ((long) outWidth * outHeight > Integer.MAX_VALUE - 8) {
            throw new CorruptPngException(header.width + "x" + header.height + " is too large to decode");
        }
        PixelConverter converter = PixelConverter.of(header);
        BufferedImage image = new BufferedImage(outWidth, outHeight,
                converter.alpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int end = bpp + (int) rowBytes;
        byte[] cur = new byte[end];
        byte[] prev = new byte[end];
        // Rows past the last sampled one are not needed, and ImageIO stops there too.
        int lastRow = offset + (outHeight - 1) * subsampling;
        try (ImageData data = new ImageData(chunks)) {
            for (int y = 0, at = 0; y <= lastRow; y++) {
                // The filter byte lands just before the row, in the zero padding it is then cleared back to.
                data.readFully(cur, bpp - 1, 1 + (int) rowBytes);
                int filter = cur[bpp - 1] & 0xFF;
                cur[bpp - 1] = 0;
                if (!RowFilters.unfilter(filter, cur, prev, bpp, end)) {
                    throw new CorruptPngException("the image data is damaged (unknown row filter type " + filter
                            + ")");
                }
                if (y >= offset && (y - offset) % subsampling == 0) {
                    converter.convert(cur, bpp, offset, subsampling, out, at, outWidth);
                    at += outWidth;
                }
                byte[] swap = prev;
                prev = cur;
                cur = swap;
            }
            data.finish();
        }
        return image;
    }
}
