package org.imagefactory.core.internal.png;

/**
 * The file is a PNG of a kind {@link PngDecoder} leaves to ImageIO (interlaced, or a header or chunk layout it
 * does not read the way ImageIO does). Callers fall back; it is not an error for the user.
 */
public final class UnsupportedPngException extends Exception {

    private static final long serialVersionUID = 1L;

    UnsupportedPngException(String message) {
        super(message, null, false, false);
    }
}
