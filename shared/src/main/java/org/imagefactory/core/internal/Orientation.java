package org.imagefactory.core.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Applies an EXIF orientation to a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image, so the result is upright
 * as a viewer shows it. The pipeline does this after resizing, on the small image, which gives the same pixels
 * as rotating first because the resampling is separable and symmetric.
 */
public final class Orientation {

    private Orientation() {
    }

    public static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean transposed = orientation >= 5;
        int ow = transposed ? h : w;
        int oh = transposed ? w : h;
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(ow, oh, image.getType());
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; }
                }
                dst[dy * ow + dx] = src[row + x];
            }
        }
        return out;
    }
}
