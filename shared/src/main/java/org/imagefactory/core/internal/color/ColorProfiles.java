package org.imagefactory.core.internal.color;

import java.awt.color.CMMException;
import java.awt.color.ICC_Profile;

import org.imagefactory.core.internal.color.IccProfiles;

/**
 * Reads the ICC profile embedded in a PNG ({@code iCCP}) or WebP ({@code ICCP}), whose readers hand back the stored
 * values as if they were sRGB; browsers apply the profile, so without {@link IccProfiles#toSrgb} a Display P3 or
 * Adobe RGB source would come out with shifted colours.
 */
public final class ColorProfiles {

    /** Real profiles are a few KB, the largest table-based ones about 1 MB; anything bigger is not read. */
    public static final int MAX_PROFILE_BYTES = 4 << 20;

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
}
