package org.imagefactory.core.internal.jpeg;

/**
 * The file is a well-formed JPEG of a kind this decoder leaves to ImageIO (CMYK/YCCK, arithmetic coding, 12-bit,
 * lossless, hierarchical, files over 256 MiB). Callers fall back; it is not an error for the user.
 */
public final class UnsupportedJpegException extends Exception {

    private static final long serialVersionUID = 1L;

    UnsupportedJpegException(String message) {
        super(message, null, false, false);
    }
}
