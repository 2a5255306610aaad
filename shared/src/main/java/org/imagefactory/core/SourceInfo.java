package org.imagefactory.core;

/**
 * What a source's header says, read without decoding pixels.
 *
 * @param format       the format the bytes are in (not what the file name claims)
 * @param storedWidth  width as stored, before EXIF orientation
 * @param storedHeight height as stored
 * @param orientation  EXIF orientation 1..8 (1 when absent)
 * @param frames       number of frames (1 for still images)
 */
public record SourceInfo(Encoding format, int storedWidth, int storedHeight, int orientation, int frames) {

    /** Width as displayed, EXIF orientation applied. */
    public int width() {
        return transposed() ? storedHeight : storedWidth;
    }

    /** Height as displayed, EXIF orientation applied. */
    public int height() {
        return transposed() ? storedWidth : storedHeight;
    }

    /** Orientations 5 to 8 swap width and height. */
    public boolean transposed() {
        return orientation >= 5;
    }

    public long pixels() {
        return (long) storedWidth * storedHeight;
    }
}
