package org.imagefactory.core.internal.color;

import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import org.imagefactory.core.internal.SourceDecoder;
import org.imagefactory.core.internal.color.IccProfiles;

/**
 * The ICC profile of an extended WebP (a {@code VP8X} chunk with the ICC flag, then an {@code ICCP} chunk).
 * The libwebp-based reader, tried first, ignores it; TwelveMonkeys' reader, the fallback (for animations, say),
 * applies it. So the profile is read here and applied whenever the reader did not.
 */
public final class WebpColorProfile {

    private static final int ICC_FLAG = 0x20;
    /** libwebp writes ICCP right after VP8X; a few unknown chunks before it are tolerated, as browsers do. */
    private static final int MAX_CHUNKS = 16;

    private WebpColorProfile() {
    }

    /**
     * The embedded profile, or null when there is none or the container holding it is malformed: a broken
     * profile is ignored, as browsers do, and the readers judge the image data. Leaves the stream anywhere.
     */
    public static ICC_Profile read(ImageInputStream in) {
        try {
            in.seek(0);
            byte[] header = new byte[12 + 8 + 1];
            in.readFully(header);
            if (!fourcc(header, 0).equals("RIFF") || !fourcc(header, 8).equals("WEBP")
                    || !fourcc(header, 12).equals("VP8X") || u32le(header, 16) < 10
                    || (header[20] & ICC_FLAG) == 0) {
                return null;
            }
            long length = in.length();
            long next = 20 + padded(u32le(header, 16));
            byte[] chunk = new byte[8];
            for (int i = 0; i < MAX_CHUNKS; i++) {
                in.seek(next);
                in.readFully(chunk);
                long size = u32le(chunk, 4);
                long end = next + 8 + size;
                switch (fourcc(chunk, 0)) {
                    case "ICCP" -> {
                        if (size > ColorProfiles.MAX_PROFILE_BYTES || (length >= 0 && end > length)) {
                            return null;
                        }
                        byte[] profile = new byte[(int) size];
                        in.readFully(profile);
                        return ColorProfiles.parse(profile);
                    }
                    case "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF" -> {
                        return null;
                    }
                    default -> next = next + 8 + padded(size);
                }
            }
        } catch (IOException e) {
            // A container cut short before its image data; the reader reports that.
        }
        return null;
    }

    /**
     * Converts a decoded image from {@code profile} to sRGB unless {@code reader} did. A reader that reads the
     * profile reports it as the colour space of its raw image type, and its image is either in that space, which
     * {@link SourceDecoder#toIntSrgb} converted, or already converted.
     */
    public static BufferedImage apply(ICC_Profile profile, ImageReader reader, BufferedImage image) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw != null && !raw.getColorModel().getColorSpace().isCS_sRGB()) {
            return image;
        }
        return IccProfiles.toSrgb(image, profile);
    }

    private static String fourcc(byte[] data, int at) {
        return new String(data, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static long u32le(byte[] data, int at) {
        return (data[at] & 0xFFL) | (data[at + 1] & 0xFFL) << 8 | (data[at + 2] & 0xFFL) << 16
                | (data[at + 3] & 0xFFL) << 24;
    }

    private static long padded(long size) {
        return size + (size & 1);
    }
}
