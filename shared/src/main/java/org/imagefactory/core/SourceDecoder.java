package org.imagefactory.core;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.jpeg.JpegDecoder;
import org.imagefactory.core.jpeg.UnsupportedJpegException;

/**
 * Decodes a probed source with ImageIO (TwelveMonkeys for CMYK/YCCK and ICC JPEGs) into an sRGB
 * {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image in its stored orientation. Source subsampling keeps the
 * decoded image, and so the memory, proportional to the output rather than the source.
 */
final class SourceDecoder {

    private SourceDecoder() {
    }

    /**
     * The largest whole subsampling factor that still leaves at least {@code margin}× the target on both axes
     * for the resampler, so point sampling's aliasing stays above what the final filter keeps.
     */
    static int subsampling(SourceInfo source, VariantSpec.Size target, double margin) {
        int targetStoredWidth = source.transposed() ? target.height() : target.width();
        int targetStoredHeight = source.transposed() ? target.width() : target.height();
        double shrink = Math.min((double) source.storedWidth() / targetStoredWidth,
                (double) source.storedHeight() / targetStoredHeight);
        return Math.max(1, (int) Math.floor(shrink / margin));
    }

    /**
     * Decodes a source for a target size. JPEGs go to {@link JpegDecoder}, which shrinks by up to 8 in the DCT
     * domain while leaving at least 2× for the resampler; the JPEGs it leaves alone (CMYK, arithmetic, 12-bit,
     * ...) and every other format go to ImageIO with source subsampling.
     */
    static BufferedImage decode(Path file, SourceInfo source, VariantSpec.Size target, long maxPixels)
            throws IOException {
        if (source.format() == Encoding.JPEG) {
            int targetStoredWidth = source.transposed() ? target.height() : target.width();
            int targetStoredHeight = source.transposed() ? target.width() : target.height();
            int scale = JpegDecoder.scaleFor(source.storedWidth(), source.storedHeight(), targetStoredWidth,
                    targetStoredHeight);
            try {
                return JpegDecoder.decode(file, scale, maxPixels);
            } catch (UnsupportedJpegException e) {
                // ImageIO (with TwelveMonkeys) handles these kinds of JPEG, at full cost.
            }
        }
        return decode(file, source, subsampling(source, target, ResizePipeline.DECODE_MARGIN));
    }

    static BufferedImage decode(Path file, SourceInfo source, int subsampling) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException(file + ": cannot be opened");
            }
            ImageReader reader = readerFor(in, source, file);
            try {
                reader.setInput(in, true, true);
                TruncationListener truncation = new TruncationListener();
                reader.addIIOReadWarningListener(truncation);
                ImageReadParam param = reader.getDefaultReadParam();
                if (subsampling > 1) {
                    // Sample the middle of each block, not its corner, so the image does not shift.
                    int offset = (subsampling - 1) / 2;
                    param.setSourceSubsampling(subsampling, subsampling, offset, offset);
                }
                BufferedImage image = reader.read(0, param);
                if (truncation.message != null) {
                    throw ImageProbe.corrupt(file, "the image data is damaged (" + truncation.message + ")");
                }
                return toIntSrgb(image);
            } catch (ImageFactoryException e) {
                throw e;
            } catch (IIOException | RuntimeException e) {
                throw ImageProbe.corrupt(file, "the image data cannot be decoded (" + describe(e) + ")");
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader readerFor(ImageInputStream in, SourceInfo source, Path file) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        String wanted = source.format().argument();
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                for (String name : reader.getOriginatingProvider().getFormatNames()) {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (lower.equals(wanted) || (wanted.equals("jpeg") && lower.equals("jpg"))) {
                        return reader;
                    }
                }
            } catch (RuntimeException ignored) {
                // A provider without names is skipped like one that does not match.
            }
            reader.dispose();
        }
        throw new ImageFactoryException(Failure.UNSUPPORTED_FORMAT, file + ": no decoder for " + wanted
                + " is installed (are the TwelveMonkeys ImageIO plugins registered?)");
    }

    /** Brings any decoded image to 8-bit sRGB in an int layout, with alpha only when the source has it. */
    static BufferedImage toIntSrgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        ColorSpace space = image.getColorModel().getColorSpace();
        BufferedImage source = image;
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
            new ColorConvertOp(space, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(image, converted);
            return converted;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    /** libjpeg reports truncation as a warning and returns grey rows; we refuse such a file instead. */
    private static final class TruncationListener implements IIOReadWarningListener {
        private String message;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncat")) {
                message = warning;
            }
        }
    }
}
