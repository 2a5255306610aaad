package org.imagefactory.core.internal.color;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decides whether an embedded RGB profile is sRGB in all but name (most "sRGB IEC61966-2.1" and "sRGB
 * built-in" variants are), and converts the pixels of one that is not. The test compares colorants and tone
 * curves, not names or bytes, so a re-packaged sRGB profile costs nothing and a wide-gamut one is honoured.
 */
public final class IccProfiles {

    private static final double COLORANT_TOLERANCE = 0.002;
    private static final double CURVE_TOLERANCE = 0.002;
    private static final int[] COLORANTS = {ICC_Profile.icSigRedColorantTag, ICC_Profile.icSigGreenColorantTag,
        ICC_Profile.icSigBlueColorantTag};
    private static final int[] CURVES = {ICC_Profile.icSigRedTRCTag, ICC_Profile.icSigGreenTRCTag,
        ICC_Profile.icSigBlueTRCTag};
    /** sRGB's colorants, D50-adapted, in s15Fixed16: the values of the JDK's own sRGB profile. */
    private static final int[][] SRGB_COLORANTS = {{0x6F94, 0x38EE, 0x0390}, {0x62A5, 0xB790, 0x18DE},
        {0x249D, 0x0F83, 0xB6BE}};

    private IccProfiles() {
    }

    /**
     * Whether pixels stored in {@code profile} must be converted to show as sRGB: an RGB profile that is not sRGB
     * in all but name. A profile for another colour space than RGB does not describe YCbCr/RGB pixels; like
     * libjpeg-based tools, we ignore it.
     */
    public static boolean needsConversion(ICC_Profile profile) {
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
            return false;
        }
        byte[][] tags = new byte[6][];
        for (int i = 0; i < 3; i++) {
            tags[i] = profile.getData(COLORANTS[i]);
            tags[3 + i] = profile.getData(CURVES[i]);
        }
        return !matchesSrgb(tags);
    }

    /**
     * Whether a profile, as the bytes embedded in a file, is an RGB profile {@link #needsConversion} would leave
     * alone: the same test, read from the bytes. Most embedded profiles are sRGB under some name, and deciding so
     * without making an {@code ICC_Profile} keeps the JDK's colour engine, 12–16 ms to start, out of a process
     * that never needs it. False when unsure (another colour space, a tag missing or out of bounds): the caller
     * then makes the profile and asks {@link #needsConversion}.
     */
    public static boolean isSrgb(byte[] data) {
        if (data.length < 132 || !new String(data, 16, 4, StandardCharsets.US_ASCII).equals("RGB ")) {
            return false;
        }
        byte[][] tags = new byte[6][];
        for (int i = 0; i < 3; i++) {
            tags[i] = tag(data, COLORANTS[i]);
            tags[3 + i] = tag(data, CURVES[i]);
        }
        return matchesSrgb(tags);
    }

    /** Whether red, green and blue colorants, then red, green and blue tone curves (tag data, or null) are sRGB's. */
    private static boolean matchesSrgb(byte[][] tags) {
        for (int i = 0; i < 3; i++) {
            double[] actual = xyz(tags[i]);
            if (actual == null) {
                return false;
            }
            for (int j = 0; j < 3; j++) {
                if (Math.abs(SRGB_COLORANTS[i][j] / 65536.0 - actual[j]) > COLORANT_TOLERANCE) {
                    return false;
                }
            }
            if (!isSrgbCurve(tags[3 + i])) {
                return false;
            }
        }
        return true;
    }

    /** A tag's data from a raw profile (ICC.1 7.3: a count at 128, then signature, offset, size), or null. */
    private static byte[] tag(byte[] data, int signature) {
        long count = u32(data, 128);
        if (count > (data.length - 132) / 12) {
            return null;
        }
        for (int i = 0, p = 132; i < count; i++, p += 12) {
            if (u32(data, p) == (signature & 0xFFFFFFFFL)) {
                long offset = u32(data, p + 4);
                long size = u32(data, p + 8);
                return offset + size > data.length ? null
                        : Arrays.copyOfRange(data, (int) offset, (int) (offset + size));
            }
        }
        return null;
    }

    private static long u32(byte[] b, int p) {
        return (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    /**
     * A {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image stored in {@code profile}, converted to sRGB (alpha
     * kept as stored); the image itself when the profile needs no conversion ({@link #needsConversion}) or is one
     * the colour engine reads but cannot use (a device link, a damaged colorant: "Couldn't link the profiles"),
     * as libjpeg-based tools and browsers show a file whose profile they cannot apply rather than refuse it.
     */
    public static BufferedImage toSrgb(BufferedImage image, ICC_Profile profile) {
        try {
            if (!needsConversion(profile)) {
                return image;
            }
            int width = image.getWidth();
            int height = image.getHeight();
            BufferedImage out = new BufferedImage(width, height, image.getType());
            int[] colour = {0, 1, 2};
            Raster source = image.getRaster().createChild(0, 0, width, height, 0, 0, colour);
            WritableRaster target = out.getRaster().createWritableChild(0, 0, width, height, 0, 0, colour);
            new ColorConvertOp(new ICC_Profile[] {profile, ICC_Profile.getInstance(ColorSpace.CS_sRGB)}, null)
                    .filter(source, target);
            if (image.getColorModel().hasAlpha()) {
                out.getRaster().setSamples(0, 0, width, height, 3,
                        image.getRaster().getSamples(0, 0, width, height, 3, (int[]) null));
            }
            return out;
        } catch (IllegalArgumentException | CMMException e) {
            return image;
        }
    }

    private static double[] xyz(byte[] tag) {
        if (tag == null || tag.length < 20 || tag[0] != 'X' || tag[1] != 'Y' || tag[2] != 'Z') {
            return null;
        }
        return new double[] {s15f16(tag, 8), s15f16(tag, 12), s15f16(tag, 16)};
    }

    private static double s15f16(byte[] b, int p) {
        return (b[p] << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF)) / 65536.0;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    private static boolean isSrgbCurve(byte[] tag) {
        if (tag == null || tag.length < 12) {
            return false;
        }
        for (int step = 1; step <= 20; step++) {
            double x = step / 20.0;
            double value = evaluate(tag, x);
            if (Double.isNaN(value) || Math.abs(value - srgb(x)) > CURVE_TOLERANCE + 0.01 * srgb(x)) {
                return false;
            }
        }
        return true;
    }

    private static double srgb(double x) {
        return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
    }

    private static double evaluate(byte[] tag, double x) {
        String type = new String(tag, 0, 4, StandardCharsets.US_ASCII);
        if (type.equals("curv")) {
            int count = (int) Math.min(Integer.MAX_VALUE, u32(tag, 8));
            if (count < 2 || tag.length < 12 + 2L * count) {
                return count == 1 && tag.length >= 14 ? Math.pow(x, u16(tag, 12) / 256.0) : Double.NaN;
            }
            double at = x * (count - 1);
            int i = Math.min((int) at, count - 2);
            double f = at - i;
            return (u16(tag, 12 + 2 * i) * (1 - f) + u16(tag, 14 + 2 * i) * f) / 65535.0;
        }
        if (type.equals("para") && tag.length >= 16) {
            int function = u16(tag, 8);
            int params = new int[] {1, 3, 4, 5, 7}[Math.min(function, 4)];
            if (function > 4 || tag.length < 12 + 4 * params) {
                return Double.NaN;
            }
            double[] p = new double[7];
            for (int i = 0; i < params; i++) {
                p[i] = s15f16(tag, 12 + 4 * i);
            }
            return switch (function) {
                case 0 -> Math.pow(x, p[0]);
                case 1 -> x >= -p[2] / p[1] ? Math.pow(p[1] * x + p[2], p[0]) : 0;
                case 2 -> x >= -p[2] / p[1] ? Math.pow(p[1] * x + p[2], p[0]) + p[3] : p[3];
                case 3 -> x >= p[4] ? Math.pow(p[1] * x + p[2], p[0]) : p[3] * x;
                default -> x >= p[4] ? Math.pow(p[1] * x + p[2], p[0]) + p[5] : p[3] * x + p[6];
            };
        }
        return Double.NaN;
    }
}
