package org.imagefactory.core.internal.jpeg;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photoshop-style CMYK JPEGs (inverted inks, an Adobe APP14 marker with transform 0), the kind {@link JpegDecoder}
 * leaves to ImageIO; made by the JDK's writer, made progressive by {@code jpegtran}.
 */
final class CmykJpeg {

    private CmykJpeg() {
    }

    /** Baseline, with smooth ink gradients and a seeded pattern so every scan carries data. */
    static byte[] baseline(int width, int height) {
        WritableRaster inks = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int band = 0; band < 4; band++) {
                    inks.setSample(x, y, band, (x * (band + 1) + y * (3 - band) + (x ^ y)) & 0xFF);
                }
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(inks, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] plain = jpeg.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] file = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, file, 0, 2);
        System.arraycopy(adobe, 0, file, 2, adobe.length);
        System.arraycopy(plain, 2, file, 2 + adobe.length, plain.length - 2);
        return file;
    }

    /** {@code jpegtran -progressive} of {@link #baseline}: libjpeg's default script, 20 scans for four components. */
    static byte[] progressive(int width, int height) {
        return Libjpeg.jpegtran(baseline(width, height), "-progressive");
    }
}
