package org.imagefactory.core.internal.jpeg;

/** One component's decoded samples at one of the requested output scales. */
final class Plane {

    /** Side of the square of samples each block becomes at this scale (8, 4, 2 or 1). */
    final int blockSize;
    /** Samples of the component that belong to the image at this scale. */
    final int scaledWidth;
    final int scaledHeight;
    /** {@code blocksWide * blockSize}: the distance between sample rows. */
    final int stride;
    byte[] samples;

    Plane(int blockSize, int scaledWidth, int scaledHeight, int stride) {
        this.blockSize = blockSize;
        this.scaledWidth = scaledWidth;
        this.scaledHeight = scaledHeight;
        this.stride = stride;
    }
}
