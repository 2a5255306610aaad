package org.imagefactory.core.internal.jpeg;

/** The frame is over the pixel or memory limit; found from the frame header, before any buffer is allocated. */
final class TooLargeException extends Exception {

    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
        super(message, null, false, false);
    }
}
