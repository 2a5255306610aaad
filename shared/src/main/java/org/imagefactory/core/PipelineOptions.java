package org.imagefactory.core;

import java.awt.Color;
import java.util.Locale;

/**
 * Settings that are the same for every variant a pipeline makes.
 *
 * @param maxSourcePixels sources with more pixels (width × height) are refused before decoding
 * @param defaultQuality  quality of lossy encodings when a request names none
 * @param background      what transparency is flattened onto for JPEG and BMP
 * @param progressiveJpeg whether JPEG output is progressive
 */
public record PipelineOptions(long maxSourcePixels, int defaultQuality, Color background, boolean progressiveJpeg) {

    public static final long DEFAULT_MAX_SOURCE_PIXELS = 50_000_000L;

    public static final PipelineOptions DEFAULTS =
            new PipelineOptions(DEFAULT_MAX_SOURCE_PIXELS, VariantSpec.STANDARD_QUALITY, Color.WHITE, false);

    public PipelineOptions {
        if (maxSourcePixels <= 0) {
            throw new IllegalArgumentException("maxSourcePixels must be positive, was " + maxSourcePixels);
        }
        if (defaultQuality < 1 || defaultQuality > 100) {
            throw new IllegalArgumentException("defaultQuality must be 1..100, was " + defaultQuality);
        }
    }

    public PipelineOptions withMaxSourcePixels(long value) {
        return new PipelineOptions(value, defaultQuality, background, progressiveJpeg);
    }

    public PipelineOptions withDefaultQuality(int value) {
        return new PipelineOptions(maxSourcePixels, value, background, progressiveJpeg);
    }

    public PipelineOptions withBackground(Color value) {
        return new PipelineOptions(maxSourcePixels, defaultQuality, value, progressiveJpeg);
    }

    public PipelineOptions withProgressiveJpeg(boolean value) {
        return new PipelineOptions(maxSourcePixels, defaultQuality, background, value);
    }

    /** Parses a background colour written as {@code #rrggbb} or {@code rrggbb}. */
    public static Color parseColor(String text) {
        String hex = text.trim().toLowerCase(Locale.ROOT);
        if (hex.startsWith("#")) {
            hex = hex.substring(1);
        }
        if (!hex.matches("[0-9a-f]{6}")) {
            throw new ImageFactoryException(ImageFactoryException.Failure.INVALID_ARGUMENT,
                    "invalid background '" + text + "': expected a colour as #rrggbb, such as #ffffff");
        }
        return new Color(Integer.parseInt(hex, 16));
    }
}
