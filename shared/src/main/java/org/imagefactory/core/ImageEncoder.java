package org.imagefactory.core;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes an sRGB int image in one encoding, without metadata. Transparency is flattened onto the background for
 * encodings that cannot carry it (JPEG, BMP), so a transparent area is never black.
 */
final class ImageEncoder {

    private ImageEncoder() {
    }

    static void encode(BufferedImage image, VariantSpec spec, PipelineOptions options, OutputStream out)
            throws IOException {
        Encoding encoding = spec.encoding();
        BufferedImage pixels = encoding.supportsAlpha() ? image : flatten(image, options.background());
        if (encoding == Encoding.BMP) {
            pixels = redraw(pixels, BufferedImage.TYPE_3BYTE_BGR);
        }
        ImageWriter writer = writerFor(encoding);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
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
