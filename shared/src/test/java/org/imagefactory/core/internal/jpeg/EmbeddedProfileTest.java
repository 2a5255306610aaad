package org.imagefactory.core.internal.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pixels tagged with a non-sRGB profile are converted to sRGB; an sRGB profile leaves them as they are. */
class EmbeddedProfileTest {

    private static byte[] grey;

    @BeforeAll
    static void file() {
        Libjpeg.require();
        byte[] samples = new byte[32 * 32 * 3];
        java.util.Arrays.fill(samples, (byte) 128);
        grey = Libjpeg.cjpeg(new Raster(32, 32, 3, samples), "-quality", "100", "-sample", "1x1");
    }

    @Test
    void linearRgbProfileIsConvertedToSrgb() throws Exception {
        byte[] tagged = withProfile(grey, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        int rgb = decode(tagged).getRGB(8, 8);
        // Linear 0.5 is sRGB 0.735: 188 of 255.
        assertThat((rgb >> 8) & 0xFF).isBetween(185, 191);
    }

    @Test
    void srgbProfileLeavesPixelsAlone() throws Exception {
        byte[] tagged = withProfile(grey, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        assertThat((decode(tagged).getRGB(8, 8) >> 8) & 0xFF).isBetween(127, 129);
    }

    @Test
    void profileSplitOverSeveralSegmentsIsReassembled() throws Exception {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] tagged = withProfile(grey, profile, 3);
        assertThat((decode(tagged).getRGB(8, 8) >> 8) & 0xFF).isBetween(185, 191);
    }

    @Test
    void profileTheColourEngineCannotApplyIsIgnored() throws Exception {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        ByteBuffer tags = ByteBuffer.wrap(profile);
        for (int i = 0, p = 132; i < tags.getInt(128); i++, p += 12) {
            if (tags.getInt(p) == ICC_Profile.icSigRedColorantTag) {
                // An unknown type for the red colorant: the profile loads, but cannot be linked to sRGB.
                profile[tags.getInt(p + 4)] = 'Q';
            }
        }
        byte[] tagged = withProfile(grey, profile);
        assertThat((decode(tagged).getRGB(8, 8) >> 8) & 0xFF).isBetween(127, 129);
    }

    @Test
    void unreadableProfileIsIgnored() throws Exception {
        byte[] tagged = withProfile(grey, "not a profile".getBytes(StandardCharsets.US_ASCII));
        assertThat((decode(tagged).getRGB(8, 8) >> 8) & 0xFF).isBetween(127, 129);
    }

    private static BufferedImage decode(byte[] file) throws UnsupportedJpegException {
        BufferedImage image = JpegDecoder.decode(file, file.length, "tagged.jpg", 2, 1 << 20,
                JpegDecoder.DEFAULT_MAX_BYTES);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        return image;
    }

    static byte[] withProfile(byte[] jpeg, byte[] profile) {
        return withProfile(jpeg, profile, 1);
    }

    /** Inserts APP2 ICC_PROFILE segments right after SOI, the profile split into {@code parts}. */
    static byte[] withProfile(byte[] jpeg, byte[] profile, int parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int chunk = (profile.length + parts - 1) / parts;
        for (int i = 0; i < parts; i++) {
            int from = i * chunk;
            int length = Math.min(chunk, profile.length - from);
            int segment = 2 + 12 + 2 + length;
            out.write(0xFF);
            out.write(0xE2);
            out.write(segment >> 8);
            out.write(segment);
            out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
            out.write(i + 1);
            out.write(parts);
            out.write(profile, from, length);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
