package org.imagefactory.core.internal.jpeg;

import java.awt.color.CMMException;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.internal.color.IccProfiles;

/**
 * A pure-Java decoder for 8-bit Huffman JPEG, baseline and progressive, that shrinks by 2, 4 or 8 while
 * decoding (reduced inverse DCTs), as libjpeg does for libvips and Pillow. Output is an sRGB
 * {@code TYPE_INT_RGB} image; an embedded non-sRGB RGB profile is applied after the shrink. Several scales can
 * come from one pass over the entropy-coded data, which is most of a decode's work, so a source wanted at several
 * sizes is read once.
 *
 * <p>Files it leaves to ImageIO are refused with {@link UnsupportedJpegException}: CMYK/YCCK, arithmetic
 * coding, 12-bit, lossless and hierarchical JPEG; a file read from disk is first held to {@link ScanBudget},
 * since ImageIO's readers have no scan limit. Damaged or truncated data is an
 * {@link ImageFactoryException} ({@link Failure#CORRUPT_IMAGE}) naming the file; never a partial image.
 */
public final class JpegDecoder {

    /**
     * Sample and coefficient memory one decode may hold. The largest frame the default pixel limit admits
     * (50 MP, 4:4:4, progressive, full size) needs about 650 MiB.
     */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    /** Files larger than this are left to ImageIO's streaming reader rather than read into memory. */
    private static final long MAX_FILE_BYTES = 256L << 20;

    private JpegDecoder() {
    }

    /**
     * The largest shrink (1, 2, 4 or 8) that leaves at least 2× for the final resize on both axes, so the
     * resampler's filter, not the DCT's block reduction, sets the quality (libvips chooses the same way).
     */
    public static int scaleFor(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
        double shrink = Math.min((double) sourceWidth / Math.max(1, targetWidth),
                (double) sourceHeight / Math.max(1, targetHeight));
        int scale = 8;
        while (scale > 1 && shrink < 2.0 * scale) {
            scale /= 2;
        }
        return scale;
    }

    /**
     * Decodes a file at several scales from one pass over its entropy-coded data: one image per scale, in the
     * order given, each the same pixels as a decode at that scale alone. A file it leaves to ImageIO
     * ({@link UnsupportedJpegException}) is refused instead when it has more scans than {@link ScanBudget} allows.
     */
    public static BufferedImage[] decode(Path file, int[] scales, long maxPixels)
            throws IOException, UnsupportedJpegException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            try (InputStream in = Files.newInputStream(file)) {
                ScanBudget.check(in, file.toString());
            }
            throw new UnsupportedJpegException("file over " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        byte[] data = Files.readAllBytes(file);
        try {
            return decode(data, data.length, file.toString(), scales, maxPixels, DEFAULT_MAX_BYTES);
        } catch (UnsupportedJpegException e) {
            // Left to ImageIO, which has no scan limit: checked here, on the bytes already read.
            ScanBudget.check(new ByteArrayInputStream(data), file.toString());
            throw e;
        }
    }

    /**
     * Decodes {@code data[0..length)} at 1/{@code scale}; {@code name} is used in error messages.
     *
     * @param maxPixels frames with more pixels are refused ({@link Failure#TOO_LARGE}) before any allocation
     * @param maxBytes  bound on sample and coefficient memory ({@link Failure#TOO_LARGE} when over)
     */
    static BufferedImage decode(byte[] data, int length, String name, int scale, long maxPixels,
            long maxBytes) throws UnsupportedJpegException {
        return decode(data, length, name, new int[] {scale}, maxPixels, maxBytes)[0];
    }

    /**
     * Decodes {@code data[0..length)} once into an image at 1/{@code scales[i]} for each {@code i}, each
     * identical to a decode at that scale alone; {@code name} is used in error messages.
     *
     * @param scales    distinct values among 1, 2, 4 and 8
     * @param maxPixels frames with more pixels are refused ({@link Failure#TOO_LARGE}) before any allocation
     * @param maxBytes  bound on the memory of all scales together: samples, coefficients and outputs
     *                  ({@link Failure#TOO_LARGE} when over)
     */
    public static BufferedImage[] decode(byte[] data, int length, String name, int[] scales, long maxPixels,
            long maxBytes) throws UnsupportedJpegException {
        checkScales(scales);
        try {
            FrameDecoder frame = new FrameDecoder(data, length, scales, maxPixels, maxBytes);
            BufferedImage[] images = frame.decode();
            ICC_Profile profile = embeddedProfile(frame);
            if (profile != null) {
                for (int i = 0; i < images.length; i++) {
                    images[i] = IccProfiles.toSrgb(images[i], profile);
                }
            }
            return images;
        } catch (CorruptJpegException e) {
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, name + ": the JPEG data is damaged ("
                    + e.getMessage() + ")");
        } catch (TooLargeException e) {
            throw new ImageFactoryException(Failure.TOO_LARGE, name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Anything the checks above did not foresee is still damaged data, not a crash of the caller.
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, name + ": the JPEG data cannot be decoded ("
                    + e + ")", e);
        }
    }

    private static void checkScales(int[] scales) {
        if (scales.length == 0) {
            throw new IllegalArgumentException("no scale to decode at");
        }
        for (int i = 0; i < scales.length; i++) {
            int scale = scales[i];
            if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
                throw new IllegalArgumentException("scale must be 1, 2, 4 or 8, was " + scale);
            }
            for (int j = 0; j < i; j++) {
                if (scales[j] == scale) {
                    throw new IllegalArgumentException("scale " + scale + " is asked for twice");
                }
            }
        }
    }

    private static ICC_Profile embeddedProfile(FrameDecoder frame) {
        byte[] icc = frame.iccProfile();
        if (icc == null || frame.isGray() || IccProfiles.isSrgb(icc)) {
            return null;
        }
        try {
            return ICC_Profile.getInstance(icc);
        } catch (IllegalArgumentException | CMMException e) {
            // libjpeg-based tools ignore a profile they cannot parse; so do we, and keep the pixels as sRGB.
            return null;
        }
    }
}
