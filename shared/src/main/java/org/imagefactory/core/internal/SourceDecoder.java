package org.imagefactory.core.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantSpec;
import org.imagefactory.core.internal.color.PngColorProfile;
import org.imagefactory.core.internal.color.WebpColorProfile;
import org.imagefactory.core.internal.gif.GifDecoder;
import org.imagefactory.core.internal.jpeg.JpegDecoder;
import org.imagefactory.core.internal.jpeg.UnsupportedJpegException;
import org.imagefactory.core.internal.png.DecodedPng;
import org.imagefactory.core.internal.png.PngDecoder;
import org.imagefactory.core.internal.png.UnsupportedPngException;

/**
 * Decodes a probed source with {@link JpegDecoder}, {@link PngDecoder} or ImageIO (TwelveMonkeys for CMYK/YCCK
 * and ICC JPEGs) into an sRGB {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image in its stored orientation,
 * converted from the source's embedded ICC profile where it has one.
 * Source subsampling keeps the decoded image, and so the memory, proportional to the output rather than the
 * source.
 */
public final class SourceDecoder {

    private static final String LIBWEBP_PACKAGE = "com.luciad.imageio.webp.";

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
     * How a source is decoded for a target. JPEGs go to {@link JpegDecoder} at a DCT shrink of {@code jpegScale}
     * (1, 2, 4 or 8: the largest that leaves at least 2× for the resampler); the JPEGs it leaves alone (CMYK,
     * arithmetic, 12-bit, ...) and every other format ({@code jpegScale} 0) are decoded with source
     * {@code subsampling}. A decode depends on nothing else, so variants with equal resolutions share one, and
     * the JPEG scales of all a source's variants come from one pass of {@link JpegDecoder}.
     */
    public record Resolution(int jpegScale, int subsampling) {

        public static Resolution of(SourceInfo source, VariantSpec.Size target, double margin) {
            int jpegScale = 0;
            if (source.format() == Encoding.JPEG) {
                int targetStoredWidth = source.transposed() ? target.height() : target.width();
                int targetStoredHeight = source.transposed() ? target.width() : target.height();
                jpegScale = JpegDecoder.scaleFor(source.storedWidth(), source.storedHeight(), targetStoredWidth,
                        targetStoredHeight);
            }
            return new Resolution(jpegScale, SourceDecoder.subsampling(source, target, margin));
        }
    }

    /**
     * Decodes a JPEG once at every one of {@code scales}, one image per scale in their order; null when
     * {@link JpegDecoder} leaves the file to ImageIO (CMYK, arithmetic coding, 12-bit, ...).
     */
    public static BufferedImage[] decodeJpeg(Path file, int[] scales, long maxPixels) throws IOException {
        try {
            return JpegDecoder.decode(file, scales, maxPixels);
        } catch (UnsupportedJpegException e) {
            return null;
        }
    }

    /**
     * Decodes a source with source {@code subsampling}: PNGs with {@link PngDecoder}, the PNGs it leaves alone
     * (interlaced, damaged before the image data, ...) and every other format with ImageIO, to the same pixels.
     */
    public static BufferedImage decode(Path file, SourceInfo source, int subsampling) throws IOException {
        if (source.format() == Encoding.GIF) {
            return GifDecoder.decode(file, source.storedWidth(), source.storedHeight(), subsampling);
        }
        if (source.format() == Encoding.PNG) {
            BufferedImage[] png = decodePng(file, source, new int[] {subsampling});
            if (png != null) {
                return png[0];
            }
        }
        return decodeWithImageIO(file, source, subsampling);
    }

    /**
     * Decodes a PNG once for every one of {@code subsamplings}, in one pass, one image per subsampling in their
     * order; null when {@link PngDecoder} leaves the file to ImageIO (interlaced, ...).
     */
    public static BufferedImage[] decodePng(Path file, SourceInfo source, int[] subsamplings) throws IOException {
        DecodedPng png;
        try {
            png = PngDecoder.decode(file, source.storedWidth(), source.storedHeight(), subsamplings);
        } catch (UnsupportedPngException e) {
            return null;
        }
        BufferedImage[] images = new BufferedImage[subsamplings.length];
        for (int i = 0; i < images.length; i++) {
            images[i] = PngColorProfile.apply(png.iccp(), png.images().get(i));
        }
        return images;
    }

    /**
     * Decodes with the first installed reader for the format that can: when a reader refuses a feature (the
     * libwebp-based reader and animated WebP, for example), the next one is tried. Truncation is the file's
     * fault, not the reader's, and is reported at once.
     */
    static BufferedImage decodeWithImageIO(Path file, SourceInfo source, int subsampling) throws IOException {
        ImageInputStream opened = ReaderInput.open(file, source.format());
        try (ImageInputStream in = new EndOfDataGuard(opened)) {
            List<ImageReader> readers = readersFor(in, source, file);
            ICC_Profile webpProfile = source.format() == Encoding.WEBP ? WebpColorProfile.read(in) : null;
            FramePlacement frame = source.format() == Encoding.WEBP ? FramePlacement.ofAnimatedWebp(in) : null;
            Exception firstFailure = null;
            for (ImageReader reader : readers) {
                try {
                    in.seek(0);
                    boolean png = source.format() == Encoding.PNG;
                    BufferedImage image = toIntSrgb(read(reader, in, file, source, subsampling, png, frame));
                    if (frame != null) {
                        image = frame.compose(image, subsampling);
                    }
                    if (png) {
                        return PngColorProfile.apply(reader, image);
                    }
                    return webpProfile == null ? image : WebpColorProfile.apply(webpProfile, reader, image);
                } catch (ImageFactoryException e) {
                    throw e;
                } catch (EOFException e) {
                    throw ImageProbe.corrupt(file, "the image data is truncated");
                } catch (IOException | RuntimeException e) {
                    if (isLibwebp(reader) && isLibwebpVerdict(e)) {
                        throw ImageProbe.corrupt(file, "the WebP data is damaged (libwebp: " + e.getMessage() + ")");
                    }
                    firstFailure = firstFailure == null ? e : firstFailure;
                } catch (OutOfMemoryError e) {
                    // libwebp's reader turns libwebp's VP8_STATUS_OUT_OF_MEMORY into an OutOfMemoryError without a
                    // message: libwebp refused the sizes a damaged header declares, the heap is fine.
                    if (!isLibwebp(reader) || e.getMessage() != null) {
                        throw e;
                    }
                    throw ImageProbe.corrupt(file, "the WebP data is damaged (libwebp cannot allocate what it declares)");
                } finally {
                    reader.dispose();
                }
            }
            // The readers' own words ("I/O error reading PNG header!", "colorModel may not be null") say nothing
            // a user can act on; they stay in the cause, for the log.
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, file + ": the " + source.format().name()
                    + " image data is damaged, or uses a variant of the format no installed reader decodes",
                    firstFailure);
        }
    }

    private static BufferedImage read(ImageReader reader, ImageInputStream in, Path file, SourceInfo source,
            int subsampling, boolean keepMetadata, FramePlacement frame) throws IOException {
        reader.setInput(in, true, !keepMetadata);
        // The pixel limit was checked on the header the probe read; a reader may find other sizes in damaged data
        // (a 162-byte WebP whose mangled frame chunk TwelveMonkeys read as 64 × 8,323,104) and would allocate
        // for them. A first frame smaller than a GIF's screen is fine; a larger image is not.
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > (long) source.storedWidth() * source.storedHeight()) {
            throw ImageProbe.corrupt(file, "the image data declares " + width + "x" + height + " pixels, more than the "
                    + source.storedWidth() + "x" + source.storedHeight() + " of its header");
        }
        TruncationListener truncation = new TruncationListener();
        reader.addIIOReadWarningListener(truncation);
        ImageReadParam param = reader.getDefaultReadParam();
        if (subsampling > 1) {
            // Sample the middle of each block, not its corner, so the image does not shift; a frame that is composed
            // on a canvas is sampled on the canvas's grid.
            int offset = (subsampling - 1) / 2;
            int x = frame == null ? offset : frame.firstSampled(frame.left(), subsampling);
            int y = frame == null ? offset : frame.firstSampled(frame.top(), subsampling);
            param.setSourceSubsampling(subsampling, subsampling, x < width ? x : 0, y < height ? y : 0);
        }
        BufferedImage image = reader.read(0, param);
        if (truncation.message != null) {
            throw ImageProbe.corrupt(file, "the image data is damaged (" + truncation.message + ")");
        }
        return image;
    }

    private static List<ImageReader> readersFor(ImageInputStream in, SourceInfo source, Path file) {
        Iterator<ImageReader> candidates = ImageIO.getImageReaders(in);
        String wanted = source.format().argument();
        List<ImageReader> readers = new ArrayList<>(2);
        while (candidates.hasNext()) {
            ImageReader reader = candidates.next();
            if (reads(reader, wanted)) {
                readers.add(reader);
            } else {
                reader.dispose();
            }
        }
        if (readers.isEmpty()) {
            throw new ImageFactoryException(Failure.UNSUPPORTED_FORMAT, file + ": no decoder for " + wanted
                    + " is installed (are the TwelveMonkeys ImageIO plugins registered?)");
        }
        readers.sort(Comparator.comparingInt(SourceDecoder::rank));
        return readers;
    }

    /**
     * libwebp's reader before TwelveMonkeys' for WebP: the two decode lossy WebP to different pixels, and ImageIO
     * orders unrelated plugins by hash codes, so without a rule the plugin's build and the filter's server could
     * make different bytes for one variant. libwebp is the reference decoder (the one browsers use); TwelveMonkeys'
     * stays the fallback for what the native library refuses or where it cannot load. The sort is stable: every
     * other reader keeps ImageIO's order.
     */
    private static int rank(ImageReader reader) {
        return isLibwebp(reader) ? 0 : 1;
    }

    private static boolean isLibwebp(ImageReader reader) {
        return reader.getOriginatingProvider().getClass().getName().startsWith(LIBWEBP_PACKAGE);
    }

    /**
     * Whether libwebp judged the data itself, damaged or cut short, rather than a feature it lacks (animation):
     * then TwelveMonkeys' reader is not asked, since on damaged data it can loop for seconds.
     */
    private static boolean isLibwebpVerdict(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.endsWith("BitstreamError") || message.endsWith("NotEnoughData");
    }

    private static boolean reads(ImageReader reader, String wanted) {
        try {
            for (String name : reader.getOriginatingProvider().getFormatNames()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals(wanted) || (wanted.equals("jpeg") && lower.equals("jpg"))) {
                    return true;
                }
            }
        } catch (RuntimeException ignored) {
            // A provider without names is skipped like one that does not match.
        }
        return false;
    }

    /** Brings any decoded image to 8-bit sRGB in an int layout, with alpha only when the source has it. */
    static BufferedImage toIntSrgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.getType() == ColorSpace.TYPE_GRAY) {
            return grayToInt(image, type);
        }
        if (!space.isCS_sRGB()) {
            BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
            new ColorConvertOp(space, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(image, converted);
            return converted;
        }
        return ImageEncoder.redraw(image, type);
    }

    /**
     * Grey samples in PNG and JPEG are gamma-encoded like sRGB, but Java tags them with its linear grey space,
     * so a colorimetric conversion would lighten them (50 becomes 122). The samples are copied as they are,
     * scaled from their bit depth to 8 bits.
     */
    private static BufferedImage grayToInt(BufferedImage image, int type) {
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int bands = raster.getNumBands();
        boolean alpha = type == BufferedImage.TYPE_INT_ARGB && bands > 1;
        int grayMax = (1 << image.getColorModel().getComponentSize(0)) - 1;
        int alphaMax = alpha ? (1 << image.getColorModel().getComponentSize(1)) - 1 : 1;
        BufferedImage out = new BufferedImage(width, image.getHeight(), type);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[width * bands];
        for (int y = 0; y < image.getHeight(); y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            for (int x = 0, i = y * width; x < width; x++, i++) {
                int gray = (row[x * bands] * 255 + grayMax / 2) / grayMax;
                int a = alpha ? (row[x * bands + 1] * 255 + alphaMax / 2) / alphaMax : 255;
                dst[i] = a << 24 | gray << 16 | gray << 8 | gray;
            }
        }
        return out;
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
