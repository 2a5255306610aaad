package org.imagefactory.core.png;

import java.awt.image.BufferedImage;

/**
 * A decoded PNG as {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, still in the colour space it was stored in.
 *
 * @param image the pixels, source subsampling applied
 * @param iccp  the compressed profile of the {@code iCCP} chunk (zlib data after the keyword and method byte),
 *              or null when there is none
 */
public record DecodedPng(BufferedImage image, byte[] iccp) {
}
