package org.imagefactory.core.internal.jpeg;

import java.awt.image.BufferedImage;

import org.imagefactory.core.ImageFactoryException;

/** What one decode ended in: an image, a typed refusal, or a fallback to ImageIO. */
record Outcome(BufferedImage image, ImageFactoryException error, UnsupportedJpegException unsupported, long nanos) {

    static Outcome of(byte[] data, int length, int scale, long maxPixels) {
        long start = System.nanoTime();
        try {
            BufferedImage image = JpegDecoder.decode(data, length, "mutant.jpg", scale, maxPixels, 64L << 20);
            return new Outcome(image, null, null, System.nanoTime() - start);
        } catch (ImageFactoryException e) {
            return new Outcome(null, e, null, System.nanoTime() - start);
        } catch (UnsupportedJpegException e) {
            return new Outcome(null, null, e, System.nanoTime() - start);
        }
    }

    @Override
    public String toString() {
        return image != null ? "image " + image.getWidth() + "x" + image.getHeight()
                : error != null ? error.failure() + ": " + error.getMessage() + (error.getCause() == null ? ""
                        : " caused by " + error.getCause())
                : "unsupported: " + unsupported.getMessage();
    }
}
