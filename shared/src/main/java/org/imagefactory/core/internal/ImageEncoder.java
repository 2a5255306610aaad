package org.imagefactory.core.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.VariantSpec;

/**
 * Writes an sRGB int image in one encoding, without metadata. Transparency is flattened onto the background for
 * encodings that cannot carry it (JPEG, BMP), so a transparent area is never black.
 */
public final class ImageEncoder {

    private ImageEncoder() {
    }

    public static void encode(BufferedImage image, VariantSpec spec, PipelineOptions options, OutputStream out)
            throws IOException {
        Encoding encoding = spec.encoding();
        BufferedImage pixels;
        if (encoding == Encoding.JPEG) {
            pixels = rgbBytes(image, options.background());
        } else if (encoding == Encoding.BMP) {
            pixels = redraw(flatten(image, options.background()), BufferedImage.TYPE_3BYTE_BGR);
        } else {
            pixels = encoding.supportsAlpha() ? image : flatten(image, options.background());
        }
        ImageWriter writer = writerFor(encoding);
        try (ImageOutputStream stream = new DeadlineCheckedOutput(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (encoding == Encoding.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(spec.quality() / 100f);
                param.setProgressiveMode(options.progressiveJpeg()
                        ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            } else if (encoding == Encoding.WEBP) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(lossyType(param));
                param.setCompressionQuality(spec.quality() / 100f);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static String lossyType(ImageWriteParam param) {
        for (String type : param.getCompressionTypes()) {
            if (type.toLowerCase(Locale.ROOT).contains("lossy")) {
                return type;
            }
        }
        return param.getCompressionTypes()[0];
    }

    private static ImageWriter writerFor(Encoding encoding) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(encoding.mimeType());
        if (!writers.hasNext()) {
            writers = ImageIO.getImageWritersByFormatName(encoding.argument());
        }
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO writer for " + encoding.argument()
                    + " is registered; call ImageIO.scanForPlugins() where plugins are loaded late");
        }
        return writers.next();
    }

    static BufferedImage flatten(BufferedImage image, Color background) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(background);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * An int image as 8-bit sRGB bytes in red, green, blue order, translucent pixels blended onto
     * {@code background} the way Java2D's source-over does ({@link #flatten}). The JDK's JPEG writer copies rows
     * of this layout with {@code System.arraycopy}; from an int image it converts each row pixel by pixel through
     * {@code Raster.getPixels}/{@code setPixels}, a third of the encoder's time once warm.
     */
    static BufferedImage rgbBytes(BufferedImage image, Color background) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[width * height * 3];
        boolean alpha = image.getColorModel().hasAlpha();
        int matte = background.getRGB();
        // A call a row, not one loop over the image: the JIT compiles a method that returns early in the first
        // picture, not a loop replaced mid-way whose exit it has never seen (a trap when the loop ends).
        for (int y = 0, i = 0; y < height; y++, i += width) {
            if (alpha) {
                blendBytes(pixels, i, width, rgb, matte);
            } else {
                splitBytes(pixels, i, width, rgb);
            }
        }
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), width, height,
                width * 3, 3, new int[] {0, 1, 2}, null);
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(model, raster, false, null);
    }

    private static void splitBytes(int[] pixels, int from, int count, byte[] rgb) {
        for (int i = from, o = from * 3; i < from + count; i++, o += 3) {
            int p = pixels[i];
            rgb[o] = (byte) (p >> 16);
            rgb[o + 1] = (byte) (p >> 8);
            rgb[o + 2] = (byte) p;
        }
    }

    private static void blendBytes(int[] pixels, int from, int count, byte[] rgb, int background) {
        int red = (background >> 16) & 0xFF;
        int green = (background >> 8) & 0xFF;
        int blue = background & 0xFF;
        for (int i = from, o = from * 3; i < from + count; i++, o += 3) {
            int p = pixels[i];
            int a = p >>> 24;
            int rest = 255 - a;
            rgb[o] = (byte) (times(a, (p >> 16) & 0xFF) + times(rest, red));
            rgb[o + 1] = (byte) (times(a, (p >> 8) & 0xFF) + times(rest, green));
            rgb[o + 2] = (byte) (times(a, p & 0xFF) + times(rest, blue));
        }
    }

    /**
     * {@code a · b / 255} rounded, for 0..255 each, as Java2D's {@code mul8table} computes it: the product stays
     * below 2^32, so the unsigned shift of the wrapped {@code int} is exact.
     */
    private static int times(int a, int b) {
        return (a * b * 0x10101 + (1 << 23)) >>> 24;
    }

    /** The image drawn into a new one of {@code type}, or itself when it is of that type already. */
    static BufferedImage redraw(BufferedImage image, int type) {
        if (image.getType() == type) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
