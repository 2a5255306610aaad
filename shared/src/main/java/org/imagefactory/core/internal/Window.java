package org.imagefactory.core.internal;

/**
 * A rectangle of an image's pixels, in the image's own (stored) coordinates.
 *
 * @param left   first column
 * @param top    first row
 * @param width  columns, at least 1
 * @param height rows, at least 1
 */
public record Window(int left, int top, int width, int height) {

    public Window {
        if (left < 0 || top < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("not a window: " + width + "x" + height + " at " + left + "," + top);
        }
    }

    /** {@code value} held to {@code 0..max}: where a window of some size may start when {@code max} is the slack. */
    static int clip(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    /**
     * This window, given in the coordinates of the picture as displayed, in the coordinates of the stored image
     * that EXIF {@code orientation} turns into that picture; {@code storedWidth} × {@code storedHeight} is the
     * stored image's size. The inverse of the mapping {@link Orientation#apply} makes.
     */
    public Window toStored(int orientation, int storedWidth, int storedHeight) {
        int right = left + width;
        int bottom = top + height;
        return switch (orientation) {
            case 2 -> new Window(storedWidth - right, top, width, height);
            case 3 -> new Window(storedWidth - right, storedHeight - bottom, width, height);
            case 4 -> new Window(left, storedHeight - bottom, width, height);
            case 5 -> new Window(top, left, height, width);
            case 6 -> new Window(top, storedHeight - right, height, width);
            case 7 -> new Window(storedWidth - bottom, storedHeight - right, height, width);
            case 8 -> new Window(storedWidth - bottom, left, height, width);
            default -> this;
        };
    }
}
