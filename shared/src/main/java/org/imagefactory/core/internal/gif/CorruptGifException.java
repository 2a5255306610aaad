package org.imagefactory.core.internal.gif;

/** Damage found in a GIF's structure or image data; the message says what, in words a user can act on. */
final class CorruptGifException extends Exception {

    CorruptGifException(String message) {
        super(message);
    }
}
