package org.imagefactory.core.internal;

import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantSpec;

/**
 * An estimate, from the probed header alone, of the most heap one render holds at once: the decoded image at its
 * decode resolution and what its decoder needs beside it, the resized and oriented images, and the encoder's
 * input and output. It errs on the large side (a progressive, unsubsampled JPEG; a WebP decoded at full size
 * before subsampling; output that does not compress), so renders admitted by it together fit the memory they were
 * admitted for. Invariant: never below the decoded image plus the output image.
 */
public final class RenderMemory {

    /** ARGB or RGB, one int a pixel: every image between the decoder and the encoder. */
    private static final long INT_PIXEL = 4;
    /**
     * A progressive JPEG keeps every coefficient of the frame until its last scan: 139 bytes a block a component
     * in our decoder ({@code FrameDecoder.layOut}), three components at full resolution at worst, about 6.5 bytes
     * a source pixel.
     */
    private static final double PROGRESSIVE_JPEG_PER_PIXEL = 3 * 139 / 64.0;
    /**
     * The encoder: the JPEG writer's copy as RGB bytes (3), what it writes, which for a lossless format may not
     * compress (4), and the buffer of written bytes growing by doubling and then copied (up to 3 × that).
     */
    private static final long ENCODER_PER_OUTPUT_PIXEL = 3 + 4 * 4;

    private RenderMemory() {
    }

    public static long peakBytes(SourceInfo source, SourceDecoder.Resolution resolution, VariantSpec.Size output) {
        long decoded = decodeBytes(source, resolution);
        long outputPixels = (long) output.width() * output.height();
        // The resized image, and the oriented copy of it while the resized one is still referenced.
        long resized = 2 * INT_PIXEL * outputPixels;
        return decoded + resized + ENCODER_PER_OUTPUT_PIXEL * outputPixels;
    }

    private static long decodeBytes(SourceInfo source, SourceDecoder.Resolution resolution) {
        long sourcePixels = source.pixels();
        int subsampling = resolution.subsampling();
        long sampled = ceilDiv(source.storedWidth(), subsampling) * ceilDiv(source.storedHeight(), subsampling);
        // What an ImageIO reader hands back and its conversion to int sRGB (a colour conversion needs both).
        long imageIo = 2 * INT_PIXEL * sampled;
        return switch (source.format()) {
            case JPEG -> {
                int scale = resolution.jpegScale();
                long ours = INT_PIXEL * ceilDiv(source.storedWidth(), scale) * ceilDiv(source.storedHeight(), scale)
                        + (long) (PROGRESSIVE_JPEG_PER_PIXEL * sourcePixels);
                // A CMYK, arithmetic or 12-bit JPEG goes to ImageIO instead; which one is not in the header we keep.
                yield Math.max(ours, imageIo);
            }
            // Our PNG decoder holds the sampled image and two rows; an ICC conversion copies the image.
            case PNG -> imageIo;
            // The WebP readers decode the whole frame before subsampling it.
            case WEBP -> INT_PIXEL * sourcePixels + imageIo;
            default -> imageIo;
        };
    }

    private static long ceilDiv(int size, int by) {
        return (size + by - 1) / by;
    }
}
