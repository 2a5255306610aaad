package org.imagefactory.core;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

import org.imagefactory.core.jpeg.IccProfiles;

/**
 * Converts a decoded image from the ICC profile embedded in its file to sRGB, for the formats whose readers hand
 * back the stored values as if they were sRGB (PNG's {@code iCCP}, WebP's {@code ICCP}); browsers apply the
 * profile, so without this a Display P3 or Adobe RGB source would come out with shifted colours.
 */
final class ColorProfiles {

    /** Real profiles are a few KB, the largest table-based ones about 1 MB; anything bigger is not read. */
    static final int MAX_PROFILE_BYTES = 4 << 20;

    private ColorProfiles() {
    }

    /**
     * The profile in {@code data}, or null when it is not one: a damaged profile is ignored, as browsers do, and
     * the pixels are shown as sRGB; null too for sRGB under another name, which needs no conversion.
     */
    static ICC_Profile parse(byte[] data) {
        if (!isProfile(data)) {
            return null;
        }
        try {
            return IccProfiles.isSrgb(data) ? null : ICC_Profile.getInstance(data);
        } catch (IllegalArgumentException | CMMException e) {
            return null;
        }
    }

    /** An ICC profile has the signature {@code acsp} at byte 36. */
    static boolean isProfile(byte[] data) {
        return data.length > 40 && data[36] == 'a' && data[37] == 'c' && data[38] == 's' && data[39] == 'p';
    }

    /**
     * Converts the colour bands of a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image from {@code profile} to
     * sRGB, keeping alpha as stored; an sRGB-equivalent profile, one for another colour space than RGB and one
     * the colour engine cannot use leave the image as it is.
     */
    static BufferedImage toSrgb(ICC_Profile profile, BufferedImage image) {
        try {
            if (IccProfiles.nonSrgb(profile) == null) {
                return image;
            }
            BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
            int[] colour = {0, 1, 2};
            Raster source = image.getRaster().createChild(0, 0, image.getWidth(), image.getHeight(), 0, 0, colour);
            WritableRaster target = out.getRaster().createWritableChild(0, 0, image.getWidth(), image.getHeight(),
                    0, 0, colour);
            new ColorConvertOp(new ICC_Profile[] {profile, ICC_Profile.getInstance(ColorSpace.CS_sRGB)}, null)
                    .filter(source, target);
            if (image.getColorModel().hasAlpha()) {
                out.getRaster().setSamples(0, 0, image.getWidth(), image.getHeight(), 3,
                        image.getRaster().getSamples(0, 0, image.getWidth(), image.getHeight(), 3, (int[]) null));
            }
            return out;
        } catch (IllegalArgumentException | CMMException e) {
            // A device-link or otherwise unusable RGB profile: shown as sRGB, like a damaged one.
            return image;
        }
    }
}
