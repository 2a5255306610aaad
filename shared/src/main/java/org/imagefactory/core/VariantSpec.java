package org.imagefactory.core;

/**
 * A variant fitted to one source: the box clamped to the source's displayed size, the encoding and quality
 * settled. Requests that normalize to the same spec share one cache file.
 *
 * @param width    box width, at most the source's displayed width
 * @param height   box height, at most the source's displayed height
 * @param encoding output encoding
 * @param quality  1..100; always {@link #STANDARD_QUALITY} for lossless encodings, where it changes nothing
 */
public record VariantSpec(int width, int height, Encoding encoding, int quality) {

    /** The quality a cache name leaves implicit. Other qualities get a {@code q-} segment. */
    public static final int STANDARD_QUALITY = 80;

    public VariantSpec {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box must be positive: " + width + "x" + height);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100: " + quality);
        }
    }

    /**
     * Fits a request to a source as the original route did: a missing dimension is the source's, the box is
     * clamped to the source (never upscaled), a missing encoding is the source's format, a missing quality is
     * {@code defaultQuality}.
     */
    public static VariantSpec normalize(VariantRequest request, SourceInfo source, int defaultQuality) {
        int boxWidth = request.scalex() == null ? source.width() : Math.min(request.scalex(), source.width());
        int boxHeight = request.scaley() == null ? source.height() : Math.min(request.scaley(), source.height());
        Encoding encoding = request.encoding() == null ? source.format() : request.encoding();
        int quality = !encoding.lossy() ? STANDARD_QUALITY
                : request.quality() == null ? defaultQuality : request.quality();
        return new VariantSpec(boxWidth, boxHeight, encoding, quality);
    }

    /** Whether the cache name carries the quality. */
    public boolean explicitQuality() {
        return quality != STANDARD_QUALITY;
    }

    /**
     * The output size for a source of the given displayed size: the largest size that fits inside the box with
     * the aspect ratio kept (rounded to the nearest pixel, at least 1), never larger than the source.
     */
    public Size outputSize(int sourceWidth, int sourceHeight) {
        int boxWidth = Math.min(width, sourceWidth);
        int boxHeight = Math.min(height, sourceHeight);
        if ((long) boxWidth * sourceHeight <= (long) boxHeight * sourceWidth) {
            int h = (int) Math.max(1, Math.round((double) sourceHeight * boxWidth / sourceWidth));
            return new Size(boxWidth, Math.min(h, boxHeight));
        }
        int w = (int) Math.max(1, Math.round((double) sourceWidth * boxHeight / sourceHeight));
        return new Size(Math.min(w, boxWidth), boxHeight);
    }

    /** A width and height in pixels. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }
}
