package org.imagefactory.core;

/**
 * A variant fitted to one source: the box clamped to the source's displayed size, the encoding, quality, fit and
 * gravity settled. Requests that normalize to the same spec share one cache file.
 *
 * @param width    box width, at most the source's displayed width
 * @param height   box height, at most the source's displayed height
 * @param encoding output encoding
 * @param quality  1..100; always {@link #STANDARD_QUALITY} for lossless encodings, where it changes nothing
 * @param fit      how the image meets the box; {@link Fit#INSIDE} unless the request gave both dimensions
 * @param gravity  where {@link Fit#COVER} crops; {@link Gravity#CENTER} for every other fit
 */
public record VariantSpec(int width, int height, Encoding encoding, int quality, Fit fit, Gravity gravity) {

    /** The quality a cache name leaves implicit. Other qualities get a {@code q-} segment. */
    public static final int STANDARD_QUALITY = 80;

    public VariantSpec {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box must be positive: " + width + "x" + height);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100: " + quality);
        }
        if (fit != Fit.COVER && !gravity.equals(Gravity.CENTER)) {
            throw new IllegalArgumentException("gravity " + gravity + " needs fit=cover, not " + fit.argument());
        }
    }

    /** A variant fitted {@link Fit#INSIDE} its box: the original route's. */
    public VariantSpec(int width, int height, Encoding encoding, int quality) {
        this(width, height, encoding, quality, Fit.INSIDE, Gravity.CENTER);
    }

    /**
     * Fits a request to a source as the original route did: the device pixel ratio multiplied in, a missing
     * dimension is the source's, the box is clamped to the source (never upscaled), a missing encoding is the
     * source's format, a missing quality is {@code defaultQuality}.
     *
     * <p>A box larger than the source on some axis keeps its aspect ratio for the fits that fill it: {@code cover}
     * gets the largest box of that aspect inside the source (imgix's {@code fit=crop}), {@code contain} the
     * smallest box of that aspect around the source, so the image itself is never scaled up; {@code fill} clamps
     * each axis. Gravity means something only to {@code cover} and is {@code center} for every other fit, so
     * requests that differ only there share a file.
     */
    public static VariantSpec normalize(VariantRequest request, SourceInfo source, int defaultQuality) {
        VariantRequest box = request.atDevicePixels();
        Encoding encoding = box.encoding() == null ? source.format() : box.encoding();
        int quality = !encoding.lossy() ? STANDARD_QUALITY
                : box.quality() == null ? defaultQuality : box.quality();
        int sw = source.width();
        int sh = source.height();
        Fit fit = box.fit() == null || box.scalex() == null || box.scaley() == null ? Fit.INSIDE : box.fit();
        if (fit == Fit.INSIDE || fit == Fit.FILL) {
            int boxWidth = box.scalex() == null ? sw : Math.min(box.scalex(), sw);
            int boxHeight = box.scaley() == null ? sh : Math.min(box.scaley(), sh);
            return new VariantSpec(boxWidth, boxHeight, encoding, quality, fit, Gravity.CENTER);
        }
        double bw = box.scalex();
        double bh = box.scaley();
        double shrink = fit == Fit.COVER ? Math.min(1, Math.min(sw / bw, sh / bh))
                : Math.min(1, Math.max(sw / bw, sh / bh));
        int boxWidth = scaled(bw, shrink, fit == Fit.COVER ? sw : Integer.MAX_VALUE);
        int boxHeight = scaled(bh, shrink, fit == Fit.COVER ? sh : Integer.MAX_VALUE);
        Gravity gravity = fit == Fit.COVER && box.gravity() != null ? box.gravity() : Gravity.CENTER;
        return new VariantSpec(boxWidth, boxHeight, encoding, quality, fit, gravity);
    }

    private static int scaled(double dimension, double factor, int limit) {
        return (int) Math.max(1, Math.min(limit, Math.round(dimension * factor)));
    }

    /** Whether the cache name carries the quality. */
    public boolean explicitQuality() {
        return quality != STANDARD_QUALITY;
    }

    /**
     * The output size for a source of the given displayed size: the box itself for the fits that fill it,
     * otherwise {@link #insideSize}.
     */
    public Size outputSize(int sourceWidth, int sourceHeight) {
        return fit.fillsBox() ? new Size(width, height) : insideSize(sourceWidth, sourceHeight);
    }

    /**
     * The largest size that fits inside the box with the aspect ratio kept (rounded to the nearest pixel, at
     * least 1), never larger than the source: the output of {@link Fit#INSIDE}, the picture inside
     * {@link Fit#CONTAIN}'s padding.
     */
    public Size insideSize(int sourceWidth, int sourceHeight) {
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
