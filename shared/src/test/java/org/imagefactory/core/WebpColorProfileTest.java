package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imagefactory.core.Fixtures.alpha;
import static org.imagefactory.core.Fixtures.assertColor;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A WebP with an ICC profile (a {@code VP8X} container with the ICC flag and an {@code ICCP} chunk, as
 * {@code cwebp -metadata icc} writes it) comes out in the colours a browser shows, whichever WebP reader decodes it:
 * libwebp's, tried first, ignores the profile; TwelveMonkeys', which reads animations, applies it itself. The
 * WebPs are lossless, written by the project's WebP writer, so the stored values are known exactly.
 */
class WebpColorProfileTest {

    private static final Color SATURATED = new Color(200, 30, 30);
    private static final Color GREY = new Color(128, 128, 128);

    @TempDir
    Path dir;

    @Test
    void linearRgbProfileIsConvertedToSrgb() throws IOException {
        Path source = write("linear.webp", webp(halves(SATURATED, GREY, 255), linearRgb()));

        Fixtures.Output output = Fixtures.render(source, "encoding=png");

        assertColor(output.image(), 8, 16, linearToSrgb(SATURATED), 3);
        assertColor(output.image(), 56, 16, new Color(188, 188, 188), 3);
    }

    @Test
    void displayP3IsConvertedToSrgbWhenResized() throws IOException {
        Color orange = new Color(230, 60, 40);
        Color teal = new Color(60, 150, 140);
        Path source = write("p3.webp", webp(halves(orange, teal, 255), displayP3()));

        Fixtures.Output output = Fixtures.render(source, "scalex=32&encoding=png");

        assertColor(output.image(), 4, 8, p3ToSrgb(orange), 3);
        assertColor(output.image(), 28, 8, p3ToSrgb(teal), 3);
    }

    /**
     * An animated WebP goes to TwelveMonkeys' reader (libwebp's refuses animations), which applies the profile
     * itself: it must not be applied twice. The profile swaps red and blue, so once is blue where red is stored
     * and twice is red again.
     */
    @Test
    void anAnimatedWebpsProfileIsAppliedOnce() throws IOException {
        byte[] animated = Files.readAllBytes(Fixtures.resource("animated.webp"));
        Path source = write("animated-swapped.webp", withIccInExtended(animated, swappedRedAndBlue().getData()));

        Fixtures.Output output = Fixtures.render(source, "encoding=png");

        Color red = SourceFormatsTest.RED;
        Color blue = SourceFormatsTest.BLUE;
        assertColor(output.image(), 6, 16, new Color(red.getBlue(), red.getGreen(), red.getRed()), 6);
        assertColor(output.image(), 60, 16, new Color(blue.getBlue(), blue.getGreen(), blue.getRed()), 6);
    }

    @Test
    void alphaIsKeptWhileTheColoursAreConverted() throws IOException {
        Path source = write("linear-alpha.webp", webp(halves(SATURATED, GREY, 128), linearRgb()));

        Fixtures.Output output = Fixtures.render(source, "encoding=png");

        assertColor(output.image(), 8, 16, linearToSrgb(SATURATED), 3);
        assertThat(alpha(output.image(), 8, 16)).isEqualTo(255);
        assertColor(output.image(), 56, 16, new Color(188, 188, 188), 3);
        assertThat(alpha(output.image(), 56, 16)).isEqualTo(128);
    }

    static Stream<Arguments> untouched() {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        return Stream.of(
                Arguments.of("an sRGB profile", withIcc(plainWebp(), 0x20, srgb, srgb.length)),
                Arguments.of("no profile", plainWebp()),
                Arguments.of("an extended container without a profile", withIcc(plainWebp(), 0, null, 0)),
                Arguments.of("a profile announced but missing", withIcc(plainWebp(), 0x20, null, 0)),
                Arguments.of("a profile the header does not announce", withIcc(plainWebp(), 0, linear,
                        linear.length)),
                Arguments.of("a profile chunk of garbage", withIcc(plainWebp(), 0x20, new byte[600], 600)),
                Arguments.of("a truncated profile", withIcc(plainWebp(), 0x20, Arrays.copyOf(linear, 200),
                        200)),
                Arguments.of("a profile over 4 MiB", withIcc(plainWebp(), 0x20, new byte[5 << 20], 5 << 20)),
                Arguments.of("a device-link profile", withIcc(plainWebp(), 0x20, ofClass(linear, "link"),
                        linear.length)),
                Arguments.of("an abstract profile", withIcc(plainWebp(), 0x20, ofClass(linear, "abst"),
                        linear.length)));
    }

    /** The profile with another class in its header: valid ICC, but not one that describes stored pixels. */
    private static byte[] ofClass(byte[] profile, String profileClass) {
        byte[] copy = profile.clone();
        System.arraycopy(profileClass.getBytes(StandardCharsets.US_ASCII), 0, copy, 12, 4);
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untouched")
    void colorsStayAsStoredWithoutAUsableProfile(String what, byte[] webp) throws IOException {
        Path source = write("untouched.webp", webp);

        Fixtures.Output output = Fixtures.render(source, "encoding=png");

        assertColor(output.image(), 8, 16, SATURATED, 0);
        assertColor(output.image(), 56, 16, GREY, 0);
    }

    static Stream<Arguments> brokenContainers() {
        byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        return Stream.of(
                Arguments.of("a profile chunk longer than the file",
                        withIcc(plainWebp(), 0x20, linear, 0xFFFF_FFF0L)),
                Arguments.of("a profile chunk a few bytes too long",
                        withIcc(plainWebp(), 0x20, linear, linear.length + 6)),
                Arguments.of("a file cut inside the profile chunk",
                        Arrays.copyOf(withIcc(plainWebp(), 0x20, linear, linear.length), 30 + 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenContainers")
    void aProfileChunkRunningPastTheEndIsATruncatedFile(String what, byte[] webp)
            throws IOException {
        Path source = write("broken.webp", webp);

        assertThatThrownBy(() -> Fixtures.render(source, "encoding=png"))
                .isInstanceOfSatisfying(ImageFactoryException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CORRUPT_IMAGE))
                .hasMessage(source + ": the file is truncated");
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    /** 64x32: the left half {@code left}, the right half {@code right} at {@code rightAlpha}. */
    private static BufferedImage halves(Color left, Color right, int rightAlpha) {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int rgb = x < 32 ? 255 << 24 | left.getRGB() : rightAlpha << 24 | (right.getRGB() & 0xFF_FFFF);
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static byte[] plainWebp() {
        return Fixtures.webp(halves(SATURATED, GREY, 255), "Lossless");
    }

    private static byte[] webp(BufferedImage image, ICC_Profile profile) {
        byte[] icc = profile.getData();
        return withIcc(Fixtures.webp(image, "Lossless"), 0x20, icc, icc.length);
    }

    /** Adds an {@code ICCP} chunk to an extended WebP, right after its {@code VP8X} chunk, and sets the ICC flag. */
    private static byte[] withIccInExtended(byte[] extended, byte[] icc) {
        assertThat(new String(extended, 12, 4, StandardCharsets.ISO_8859_1)).isEqualTo("VP8X");
        int iccChunk = 8 + icc.length + (icc.length & 1);
        ByteBuffer out = ByteBuffer.allocate(extended.length + iccChunk).order(ByteOrder.LITTLE_ENDIAN);
        out.put(extended, 0, 30).put("ICCP".getBytes(StandardCharsets.US_ASCII)).putInt(icc.length).put(icc);
        out.position(30 + iccChunk);
        out.put(extended, 30, extended.length - 30);
        out.putInt(4, out.capacity() - 8);
        out.put(20, (byte) (extended[20] | 0x20));
        return out.array();
    }

    /**
     * Rewrites a simple (lossless, {@code VP8L}) WebP as an extended one: {@code VP8X} with {@code flags} (0x20:
     * ICC profile, 0x10: alpha) and the canvas size, then an {@code ICCP} chunk holding {@code icc} whose
     * header claims {@code declaredLength} bytes (none when {@code icc} is null), then the image chunk.
     */
    static byte[] withIcc(byte[] simple, int flags, byte[] icc, long declaredLength) {
        ByteBuffer in = ByteBuffer.wrap(simple).order(ByteOrder.LITTLE_ENDIAN);
        String image = new String(simple, 12, 4, StandardCharsets.ISO_8859_1);
        assertThat(image).as("the writer's chunk").isEqualTo("VP8L");
        int imageLength = in.getInt(16);
        int bits = in.getInt(21);
        int width = (bits & 0x3FFF) + 1;
        int height = ((bits >>> 14) & 0x3FFF) + 1;
        boolean alpha = (bits >>> 28 & 1) == 1;
        int iccChunk = icc == null ? 0 : 8 + icc.length + (icc.length & 1);
        int imageChunk = 8 + imageLength + (imageLength & 1);
        ByteBuffer out = ByteBuffer.allocate(12 + 18 + iccChunk + imageChunk).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(out.capacity() - 8)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) (flags | (alpha ? 0x10 : 0)))
                .put(new byte[3]);
        putU24(out, width - 1);
        putU24(out, height - 1);
        if (icc != null) {
            out.put("ICCP".getBytes(StandardCharsets.US_ASCII)).putInt((int) declaredLength).put(icc);
            out.position(out.position() + (icc.length & 1));
        }
        out.put(simple, 12, imageChunk);
        return out.array();
    }

    private static void putU24(ByteBuffer out, int value) {
        out.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    private static ICC_Profile linearRgb() {
        return ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB);
    }

    /** sRGB's tone curves with Display P3's primaries (D50-adapted, as in Apple's Display P3 profile). */
    private static ICC_Profile displayP3() {
        ICC_Profile profile = ICC_Profile.getInstance(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        profile.setData(ICC_Profile.icSigRedColorantTag, xyz(0.51512, 0.24120, -0.00105));
        profile.setData(ICC_Profile.icSigGreenColorantTag, xyz(0.29198, 0.69225, 0.04189));
        profile.setData(ICC_Profile.icSigBlueColorantTag, xyz(0.15710, 0.06657, 0.78407));
        return ICC_Profile.getInstance(profile.getData());
    }

    /** sRGB with its red and blue primaries swapped. */
    private static ICC_Profile swappedRedAndBlue() {
        ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
        ICC_Profile profile = ICC_Profile.getInstance(srgb.getData());
        profile.setData(ICC_Profile.icSigRedColorantTag, srgb.getData(ICC_Profile.icSigBlueColorantTag));
        profile.setData(ICC_Profile.icSigBlueColorantTag, srgb.getData(ICC_Profile.icSigRedColorantTag));
        return ICC_Profile.getInstance(profile.getData());
    }

    private static byte[] xyz(double x, double y, double z) {
        ByteBuffer tag = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
        tag.put("XYZ ".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        for (double v : new double[] {x, y, z}) {
            tag.putInt((int) Math.round(v * 65536));
        }
        return tag.array();
    }

    /** A colour stored in linear RGB as sRGB shows it: the same primaries, sRGB's tone curve. */
    private static Color linearToSrgb(Color linear) {
        return new Color(encode(linear.getRed() / 255.0), encode(linear.getGreen() / 255.0),
                encode(linear.getBlue() / 255.0));
    }

    /** A Display P3 colour in sRGB: decoded, the published P3-to-sRGB matrix (D65), encoded. */
    private static Color p3ToSrgb(Color p3) {
        double r = decode(p3.getRed());
        double g = decode(p3.getGreen());
        double b = decode(p3.getBlue());
        return new Color(encode(1.2249401 * r - 0.2249404 * g), encode(-0.0420569 * r + 1.0420571 * g),
                encode(-0.0196376 * r - 0.0786361 * g + 1.0982735 * b));
    }

    private static double decode(int srgb) {
        double v = srgb / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int encode(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        double srgb = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        return (int) Math.round(srgb * 255);
    }
}
