package org.imagefactory.core.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.internal.bmp.BmpHeaderFilter;
import org.imagefactory.core.internal.png.PngChunkFilter;
import org.imagefactory.core.internal.webp.WebpChunkFilter;

/**
 * The stream an ImageIO reader gets for a source: the file as the format's filter shows it
 * ({@link PngChunkFilter}, {@link WebpChunkFilter}, {@link BmpHeaderFilter}), so no reader inflates, allocates or
 * keeps metadata we do not use, whatever the file declares. A reader never sees the file itself unfiltered.
 */
public final class ReaderInput {

    private ReaderInput() {
    }

    /** Opens {@code file} for an ImageIO reader of {@code format}; the caller closes the stream. */
    public static ImageInputStream open(Path file, Encoding format) throws IOException {
        ImageInputStream opened = ImageIO.createImageInputStream(file.toFile());
        if (opened == null) {
            throw new IOException(file + ": cannot be opened");
        }
        try {
            return switch (format) {
                case PNG -> PngChunkFilter.filter(opened, file);
                case WEBP -> WebpChunkFilter.filter(opened);
                case BMP -> BmpHeaderFilter.filter(opened, file);
                default -> opened;
            };
        } catch (EOFException e) {
            opened.close();
            throw ImageProbe.corrupt(file, "the file is truncated");
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }
}
