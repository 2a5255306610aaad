package org.imagefactory.core.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

import org.imagefactory.core.Gravity;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantSpec;

/**
 * Turns a decoded source into a variant's upright pixels by its {@link org.imagefactory.core.Fit}: resize the
 * whole image (inside, fill), resize it and pad it (contain), or resize only the window that stays (cover). The
 * window is chosen on the decoded image, whatever resolution shrink-on-load gave it, and handed to the resampler
 * as a window: no pixel outside it is read, and nothing is copied first.
 */
public final class Framing {

    private Framing() {
    }

    /**
     * The size the whole source would be resized to for this variant: what the decoder's shrink-on-load is chosen
     * for. For {@code cover} that is larger than the output on the axis that is cropped.
     */
    public static VariantSpec.Size scaledSource(VariantSpec spec, SourceInfo source) {
        int sw = source.width();
        int sh = source.height();
        return switch (spec.fit()) {
            case INSIDE, FILL -> spec.outputSize(sw, sh);
            case CONTAIN -> spec.insideSize(sw, sh);
            case COVER -> {
                double scale = Math.max((double) spec.width() / sw, (double) spec.height() / sh);
                yield new VariantSpec.Size(Math.max(1, Math.min(sw, (int) Math.round(sw * scale))),
                        Math.max(1, Math.min(sh, (int) Math.round(sh * scale))));
            }
        };
    }

    /** The variant's pixels, upright, at {@link VariantSpec#outputSize}. */
    public static BufferedImage frame(BufferedImage decoded, SourceInfo source, VariantSpec spec, Color background) {
        VariantSpec.Size size = spec.outputSize(source.width(), source.height());
        return switch (spec.fit()) {
            case INSIDE, FILL -> resize(decoded, new Window(0, 0, decoded.getWidth(), decoded.getHeight()), size,
                    source);
            case CONTAIN -> pad(resize(decoded, new Window(0, 0, decoded.getWidth(), decoded.getHeight()),
                    spec.insideSize(source.width(), source.height()), source), size,
                    decoded.getType() == BufferedImage.TYPE_INT_ARGB && spec.encoding().supportsAlpha() ? 0
                            : 0xFF000000 | background.getRGB());
            case COVER -> resize(decoded, window(decoded, source, spec), size, source);
        };
    }

    /**
     * The window resized to a displayed size and turned upright. Resizing before orienting gives the same pixels
     * as the other way round (the resampling is separable and symmetric) and orients far fewer of them.
     */
    private static BufferedImage resize(BufferedImage decoded, Window window, VariantSpec.Size size,
            SourceInfo source) {
        boolean transposed = source.transposed();
        BufferedImage resized = Resampler.resize(decoded, window, transposed ? size.height() : size.width(),
                transposed ? size.width() : size.height());
        return Orientation.apply(resized, source.orientation());
    }

    /**
     * The part of the decoded image that {@code cover} keeps, in its stored coordinates: of the box's aspect ratio,
     * as large as the image allows, placed by the gravity on the picture as displayed.
     */
    static Window window(BufferedImage decoded, SourceInfo source, VariantSpec spec) {
        int storedWidth = decoded.getWidth();
        int storedHeight = decoded.getHeight();
        int shownWidth = source.transposed() ? storedHeight : storedWidth;
        int shownHeight = source.transposed() ? storedWidth : storedHeight;
        double scale = Math.max((double) spec.width() / shownWidth, (double) spec.height() / shownHeight);
        int width = Math.max(1, Math.min(shownWidth, (int) Math.round(spec.width() / scale)));
        int height = Math.max(1, Math.min(shownHeight, (int) Math.round(spec.height() / scale)));
        Gravity gravity = spec.gravity();
        if (gravity.kind().smart()) {
            return SmartCrop.place(decoded, source.transposed() ? height : width,
                    source.transposed() ? width : height, gravity.kind());
        }
        int left;
        int top;
        if (gravity.kind() == Gravity.Kind.FOCAL_POINT) {
            left = Window.clip((int) Math.round(gravity.x() * shownWidth - width / 2.0), shownWidth - width);
            top = Window.clip((int) Math.round(gravity.y() * shownHeight - height / 2.0), shownHeight - height);
        } else {
            left = (int) Math.floor((shownWidth - width) * gravity.x());
            top = (int) Math.floor((shownHeight - height) * gravity.y());
        }
        return new Window(left, top, width, height).toStored(source.orientation(), storedWidth, storedHeight);
    }

    /**
     * The picture centred on a box of {@code fill}: the background colour, or transparent for a picture with
     * transparency that stays transparent, so the padding looks like the picture's own background.
     */
    private static BufferedImage pad(BufferedImage picture, VariantSpec.Size box, int fill) {
        if (picture.getWidth() == box.width() && picture.getHeight() == box.height()) {
            return picture;
        }
        BufferedImage out = new BufferedImage(box.width(), box.height(), picture.getType());
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        Arrays.fill(dst, fill);
        int[] src = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
        int left = (box.width() - picture.getWidth()) / 2;
        int top = (box.height() - picture.getHeight()) / 2;
        for (int y = 0; y < picture.getHeight(); y++) {
            System.arraycopy(src, y * picture.getWidth(), dst, (top + y) * box.width() + left, picture.getWidth());
        }
        return out;
    }
}
