package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Empty, truncated and non-image files are refused with a typed failure whose message names the file, whatever
 * their name claims, and never as an unexpected exception.
 */
class BrokenSourceTest {

    @TempDir
    Path dir;

    /** Noise, so that the compressed data is most of the file and a cut lands inside it. */
    static BufferedImage noise() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        return image;
    }

    static byte[] encoded(String format) {
        try {
            if (format.equals("jpeg")) {
                return Fixtures.jpeg(noise(), 90);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BufferedImage image = noise();
            if (format.equals("bmp")) {
                BufferedImage bgr = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
                bgr.getGraphics().drawImage(image, 0, 0, null);
                image = bgr;
            }
            assertThat(ImageIO.write(image, format, out)).as("a %s writer", format).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each format cut inside its signature, inside its header, and at 50% and 90% of its data. */
    static Stream<Arguments> truncations() {
        return Stream.of("jpeg", "png", "gif", "bmp", "webp").flatMap(format -> {
            byte[] whole = encoded(format);
            return Stream.of(1, 3, 12, 30, whole.length / 2, whole.length * 9 / 10)
                    .map(cut -> Arguments.of(format, cut, whole.length, Arrays.copyOf(whole, cut)));
        });
    }

    @ParameterizedTest(name = "{0} cut at byte {1} of {2}")
    @MethodSource("truncations")
    void truncatedFileIsCorrupt(String format, int cut, int length, byte[] data) throws IOException {
        Path file = Files.write(dir.resolve("cut." + format), data);

        assertRefused(file, Failure.CORRUPT_IMAGE);
    }

    static Stream<Arguments> notImages() {
        return Stream.of(
                Arguments.of("empty.jpg", new byte[0], Failure.CORRUPT_IMAGE),
                Arguments.of("empty.png", new byte[0], Failure.CORRUPT_IMAGE),
                Arguments.of("notes.jpg", "just some text, not a picture\n".getBytes(StandardCharsets.UTF_8),
                        Failure.UNSUPPORTED_FORMAT),
                Arguments.of("page.png", "<!doctype html><title>404</title>".getBytes(StandardCharsets.UTF_8),
                        Failure.UNSUPPORTED_FORMAT),
                Arguments.of("sound.webp", riffWave(), Failure.UNSUPPORTED_FORMAT),
                Arguments.of("one-byte.gif", new byte[] {'G'}, Failure.CORRUPT_IMAGE),
                Arguments.of("zeros.bmp", new byte[4096], Failure.UNSUPPORTED_FORMAT),
                Arguments.of("tiff.jpg", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0}, Failure.UNSUPPORTED_FORMAT),
                Arguments.of("zero-width.png", pngClaiming(0, 10), Failure.CORRUPT_IMAGE),
                Arguments.of("negative-width.png", pngClaiming(-5, 10), Failure.CORRUPT_IMAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notImages")
    void nonImageIsRefused(String name, byte[] data, Failure expected) throws IOException {
        Path file = Files.write(dir.resolve(name), data);

        assertRefused(file, expected);
    }

    private static byte[] pngClaiming(int width, int height) {
        byte[] png = encoded("png");
        java.nio.ByteBuffer.wrap(png).putInt(16, width).putInt(20, height);
        return png;
    }

    private static byte[] riffWave() {
        byte[] wave = new byte[44];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wave, 0, 4);
        wave[4] = 36;
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, wave, 8, 8);
        return wave;
    }

    private static void assertRefused(Path file, Failure expected) {
        ResizePipeline pipeline = new ResizePipeline();

        ImageFactoryException refused = catchThrowableOfType(ImageFactoryException.class, () -> {
            SourceInfo info = pipeline.probe(file);
            pipeline.render(file, info, pipeline.normalize(VariantRequest.of("20", null, "png", null), info));
        });

        assertThat(refused).as("a typed refusal of %s", file.getFileName()).isNotNull();
        assertThat(refused.failure()).as(refused.getMessage()).isEqualTo(expected);
        assertThat(refused.getMessage()).contains(file.toString());
    }
}
