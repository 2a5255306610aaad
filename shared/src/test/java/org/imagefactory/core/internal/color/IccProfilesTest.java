package org.imagefactory.core.internal.color;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deciding from a profile's bytes that it is sRGB in all but name gives the verdict the colour engine's reading
 * gives, and is never sure of a profile it cannot read.
 */
class IccProfilesTest {

    static Stream<Arguments> readableProfiles() {
        ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
        return Stream.of(
                Arguments.of("the JDK's sRGB", srgb.getData(), true),
                Arguments.of("sRGB under another description", renamed(srgb), true),
                Arguments.of("linear RGB", ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData(), false),
                Arguments.of("sRGB curves, Display P3 primaries", withRed(srgb, 0.51512, 0.24120, -0.00105), false),
                Arguments.of("sRGB with red a little off", withRed(srgb, 0.4400, 0.2225, 0.0139), false),
                Arguments.of("grey", ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableProfiles")
    void theBytesGiveTheColourEnginesVerdict(String what, byte[] data, boolean srgb) {
        ICC_Profile profile = ICC_Profile.getInstance(data);
        boolean leftAlone = profile.getColorSpaceType() == ColorSpace.TYPE_RGB
                && !IccProfiles.needsConversion(profile);

        assertThat(leftAlone).as("the colour engine's verdict").isEqualTo(srgb);
        assertThat(IccProfiles.isSrgb(data)).isEqualTo(srgb);
    }

    static Stream<Arguments> unreadableProfiles() {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] countTooLarge = srgb.clone();
        ByteBuffer.wrap(countTooLarge).putInt(128, Integer.MAX_VALUE);
        byte[] tagPastTheEnd = srgb.clone();
        for (int p = 132; p < 132 + 12 * ByteBuffer.wrap(srgb).getInt(128); p += 12) {
            ByteBuffer.wrap(tagPastTheEnd).putInt(p + 4, srgb.length - 4);
        }
        byte[] hugeCurve = withTag(srgb, ICC_Profile.icSigRedTRCTag, ByteBuffer.allocate(16)
                .put("curv".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(0x4000_0000).array());
        return Stream.of(
                Arguments.of("a tone curve claiming 2^30 points", hugeCurve),
                Arguments.of("a tag count larger than the table", countTooLarge),
                Arguments.of("tags past the end", tagPastTheEnd),
                Arguments.of("cut inside the tag table", Arrays.copyOf(srgb, 140)),
                Arguments.of("cut inside the header", Arrays.copyOf(srgb, 100)),
                Arguments.of("no profile at all", "not a profile".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableProfiles")
    void anUnreadableProfileIsNotTakenForSrgb(String what, byte[] data) {
        assertThat(IccProfiles.isSrgb(data)).isFalse();
    }

    /** The raw profile with {@code signature}'s data replaced by {@code data}, appended at its end. */
    private static byte[] withTag(byte[] profile, int signature, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(profile.length + data.length).put(profile).put(data);
        for (int p = 132; p < 132 + 12 * out.getInt(128); p += 12) {
            if (out.getInt(p) == signature) {
                out.putInt(p + 4, profile.length).putInt(p + 8, data.length);
            }
        }
        return out.putInt(0, out.capacity()).array();
    }

    private static byte[] renamed(ICC_Profile srgb) {
        ICC_Profile copy = ICC_Profile.getInstance(srgb.getData());
        byte[] description = "sRGB IEC61966-2.1 (re-saved)".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tag = ByteBuffer.allocate(12 + description.length + 1 + 67).order(ByteOrder.BIG_ENDIAN);
        tag.put("desc".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(description.length + 1).put(description);
        copy.setData(ICC_Profile.icSigProfileDescriptionTag, tag.array());
        return copy.getData();
    }

    private static byte[] withRed(ICC_Profile srgb, double x, double y, double z) {
        ICC_Profile copy = ICC_Profile.getInstance(srgb.getData());
        ByteBuffer tag = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
        tag.put("XYZ ".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        for (double v : new double[] {x, y, z}) {
            tag.putInt((int) Math.round(v * 65536));
        }
        copy.setData(ICC_Profile.icSigRedColorantTag, tag.array());
        return copy.getData();
    }
}
