package org.imagefactory.core.internal.bmp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Set;

import javax.imageio.stream.ImageInputStream;

import org.imagefactory.core.internal.ImageProbe;
import org.imagefactory.core.internal.SplicedImageStream;
import org.imagefactory.core.internal.color.ColorProfiles;

/**
 * What the BMP readers may see of a BMP's header. A 56-byte {@code BITMAPV3INFOHEADER} is shown as the
 * equivalent 108-byte {@code BITMAPV4HEADER} (the same fields, then an sRGB colour space), since TwelveMonkeys'
 * reader, asked first, reads a V3 header as a plain one and drops its alpha mask; a V5 header's embedded or
 * linked profile that is over {@link ColorProfiles#MAX_PROFILE_BYTES} or outside the file is shown as sRGB, so no
 * reader allocates what a damaged size declares or opens a file the header names. Every other file is shown as is,
 * once its header is one that exists (so a damaged one is refused in our words, not a reader's).
 */
public final class BmpHeaderFilter {

    private static final int FILE_HEADER = 14;
    private static final int V3 = 56;
    private static final int V4 = 108;
    private static final int V5 = 124;
    private static final int SRGB = 0x73524742;
    private static final int EMBEDDED = 0x4D424544;
    private static final int LINKED = 0x4C494E4B;
    private static final Set<Integer> HEADER_SIZES = Set.of(12, 16, 40, 52, 56, 64, V4, V5);
    private static final Set<Integer> BIT_COUNTS = Set.of(1, 2, 4, 8, 16, 24, 32);

    private BmpHeaderFilter() {
    }

    /** The BMP as the readers may see it: {@code in} itself when its header needs no change, else a view. */
    public static ImageInputStream filter(ImageInputStream in, Path file) throws IOException {
        long length = in.length();
        check(in, file);
        if (length < FILE_HEADER + V5) {
            return v3(in, length);
        }
        ByteBuffer header = read(in, 0, FILE_HEADER + V5);
        int colourSpace = header.getInt(FILE_HEADER + V3);
        if (header.getInt(FILE_HEADER) != V5 || (colourSpace != EMBEDDED && colourSpace != LINKED)) {
            return v3(in, length);
        }
        long profileAt = FILE_HEADER + (header.getInt(FILE_HEADER + 112) & 0xFFFFFFFFL);
        long profileSize = header.getInt(FILE_HEADER + 116) & 0xFFFFFFFFL;
        if (colourSpace == EMBEDDED && profileSize <= ColorProfiles.MAX_PROFILE_BYTES
                && profileAt + profileSize <= length) {
            in.seek(0);
            return in;
        }
        byte[] srgb = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(SRGB).array();
        in.seek(0);
        return new SplicedImageStream.Builder().range(0, FILE_HEADER + V3).bytes(srgb)
                .range(FILE_HEADER + V3 + 4, length - FILE_HEADER - V3 - 4).over(in);
    }

    private static ImageInputStream v3(ImageInputStream in, long length) throws IOException {
        if (length < FILE_HEADER + V3) {
            in.seek(0);
            return in;
        }
        ByteBuffer header = read(in, 0, FILE_HEADER + V3);
        long pixelsAt = header.getInt(10) & 0xFFFFFFFFL;
        if (header.getInt(FILE_HEADER) != V3 || pixelsAt < FILE_HEADER + V3) {
            in.seek(0);
            return in;
        }
        int grown = V4 - V3;
        header.putInt(2, (int) Math.min(length + grown, 0xFFFFFFFFL));
        header.putInt(10, (int) (pixelsAt + grown));
        header.putInt(FILE_HEADER, V4);
        ByteBuffer v4Fields = ByteBuffer.allocate(grown).order(ByteOrder.LITTLE_ENDIAN).putInt(SRGB);
        in.seek(0);
        return new SplicedImageStream.Builder().bytes(header.array()).bytes(v4Fields.array())
                .range(FILE_HEADER + V3, length - FILE_HEADER - V3).over(in);
    }

    /** Refuses a header size, bit count or compression no BMP has. */
    private static void check(ImageInputStream in, Path file) throws IOException {
        ByteBuffer header = read(in, 0, FILE_HEADER + 4);
        int size = header.getInt(FILE_HEADER);
        if (!HEADER_SIZES.contains(size)) {
            throw ImageProbe.corrupt(file, "the BMP header is damaged (a header of " + Integer.toUnsignedString(size)
                    + " bytes does not exist)");
        }
        header = read(in, 0, FILE_HEADER + Math.min(size, 20));
        int bits = Short.toUnsignedInt(header.getShort(FILE_HEADER + (size == 12 ? 10 : 14)));
        if (!BIT_COUNTS.contains(bits)) {
            throw ImageProbe.corrupt(file, "the BMP header is damaged (" + bits + " bits per pixel do not exist)");
        }
        int compression = size >= 20 ? header.getInt(FILE_HEADER + 16) : 0;
        if (compression < 0 || compression > 6) {
            throw ImageProbe.corrupt(file, "the BMP header is damaged (compression method "
                    + Integer.toUnsignedString(compression) + " does not exist)");
        }
    }

    private static ByteBuffer read(ImageInputStream in, long at, int size) throws IOException {
        byte[] data = new byte[size];
        in.seek(at);
        in.readFully(data);
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }
}
