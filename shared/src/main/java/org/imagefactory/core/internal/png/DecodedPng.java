package org.imagefactory.core.internal.png;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A decoded PNG as {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} images, one for each subsampling asked for,
 * still in the colour space it was stored in.
 *
 * @param images the pixels, one image for each source subsampling, in the order they were asked for
 * @param iccp  the compressed profile of the {@code iCCP} chunk (zlib data after the keyword and method byte),
 *              or null when there is none
 */
public record DecodedPng(List<BufferedImage> images, byte[] iccp) {
}
