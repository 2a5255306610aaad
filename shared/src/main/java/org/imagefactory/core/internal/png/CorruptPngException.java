package org.imagefactory.core.internal.png;

/** Damaged or truncated image data; {@link PngDecoder} turns it into a user-facing error naming the file. */
final class CorruptPngException extends Exception {

    private static final long serialVersionUID = 1L;

    CorruptPngException(String message) {
        super(message, null, false, false);
    }
}
