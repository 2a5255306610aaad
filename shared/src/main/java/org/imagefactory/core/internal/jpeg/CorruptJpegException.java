package org.imagefactory.core.internal.jpeg;

/** Damaged or truncated data; {@link JpegDecoder} turns it into a user-facing error naming the file. */
final class CorruptJpegException extends Exception {

    private static final long serialVersionUID = 1L;

    CorruptJpegException(String message) {
        super(message, null, false, false);
    }
}
