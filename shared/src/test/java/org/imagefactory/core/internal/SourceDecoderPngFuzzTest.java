package org.imagefactory.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.internal.ImageProbe;
import org.imagefactory.core.internal.SourceDecoder;
import org.imagefactory.core.internal.png.PngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation loop over small PNGs of several layouts: every mutant ends in an image or a typed error,
 * each well under a second, never a hang, an OutOfMemoryError or an unchecked exception. Nothing the ImageIO
 * path decodes is refused, and where both give an image it is the same image. The other way round is allowed:
 * ImageIO reads up to 8 KiB of inflated data past the last row it needs, so it refuses some small images whose
 * damage lies past their pixels (a wrong Adler-32 checksum, mostly) that the decoder, like browsers, shows.
 */
class SourceDecoderPngFuzzTest {

    private static final int MUTANTS = 400;
    private static final long BUDGET_NANOS = 30_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void mutantsEndInAnImageOrATypedError() throws IOException {
        SplittableRandom random = new SplittableRandom(20261127L);
        List<byte[]> seeds = seeds(random);
        Path file = dir.resolve("mutant.png");
        long deadline = System.nanoTime() + BUDGET_NANOS;
        long slowest = 0;
        int images = 0;
        int errors = 0;
        int done = 0;
        for (; done < MUTANTS && System.nanoTime() < deadline; done++) {
            Files.write(file, mutate(seeds.get(random.nextInt(seeds.size())), random));
            int subsampling = 1 + random.nextInt(3);
            long start = System.nanoTime();
            Object outcome = outcome(file, subsampling, false);
            slowest = Math.max(slowest, System.nanoTime() - start);
            if (outcome instanceof BufferedImage image) {
                images++;
                Object reference = outcome(file, subsampling, true);
                if (reference instanceof BufferedImage expected) {
                    assertThat(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                            .as("mutant %d decoded by both paths", done)
                            .isEqualTo(expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0,
                                    expected.getWidth()));
                }
            } else {
                errors++;
                ImageFactoryException error = (ImageFactoryException) outcome;
                assertThat(outcome(file, subsampling, true)).as("mutant %d: the ImageIO path refuses it too", done)
                        .isInstanceOf(ImageFactoryException.class);
                assertThat(error.failure()).as("mutant %d: %s", done, error.getMessage())
                        .isIn(Failure.CORRUPT_IMAGE, Failure.TOO_LARGE, Failure.UNSUPPORTED_FORMAT);
                assertThat(error.getMessage()).startsWith(file + ": ");
            }
        }
        assertThat(done).as("mutants decoded within the time budget").isEqualTo(MUTANTS);
        assertThat(slowest / 1e9).as("slowest decode, seconds").isLessThan(1.0);
        assertThat(images).as("mutants that still decode").isPositive();
        assertThat(errors).as("mutants refused").isPositive();
    }

    /** An image or the typed error; anything else propagates and fails the test. */
    private static Object outcome(Path file, int subsampling, boolean imageIo) throws IOException {
        try {
            SourceInfo info = ImageProbe.probe(file, 1 << 20);
            return imageIo ? SourceDecoder.decodeWithImageIO(file, info, subsampling)
                    : SourceDecoder.decode(file, info, subsampling);
        } catch (ImageFactoryException e) {
            return e;
        }
    }

    private static List<byte[]> seeds(SplittableRandom random) {
        return List.of(
                png(new PngWriter(29, 17, 2, 8).chunk("tRNS", new byte[] {0, 1, 0, 2, 0, 1}), 29 * 17 * 3, 255,
                        random),
                png(new PngWriter(31, 13, 3, 4).chunk("PLTE", bytes(random, 30)).chunk("tRNS", bytes(random, 7)),
                        31 * 13, 15, random),
                png(new PngWriter(17, 23, 0, 16), 17 * 23, 65535, random),
                png(new PngWriter(19, 11, 6, 8).iccp(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()),
                        19 * 11 * 4, 255, random),
                png(new PngWriter(25, 9, 4, 8), 25 * 9 * 2, 255, random),
                png(new PngWriter(33, 7, 0, 1).chunk("tRNS", new byte[] {0, 1}), 33 * 7, 1, random));
    }

    private static byte[] png(PngWriter writer, int sampleCount, int max, SplittableRandom random) {
        int[] samples = new int[sampleCount];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextInt(max + 1);
        }
        return writer.write(samples, random);
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] data = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    data[8 + random.nextInt(data.length - 8)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> data = Arrays.copyOf(data, 8 + random.nextInt(data.length - 8));
            case 2 -> {
                int at = 8 + random.nextInt(data.length - 8);
                data[at] ^= (byte) (1 << random.nextInt(8));
            }
            default -> {
                int at = 33 + random.nextInt(data.length - 33);
                byte[] longer = new byte[data.length + 4];
                System.arraycopy(data, 0, longer, 0, at);
                System.arraycopy(data, at, longer, at + 4, data.length - at);
                longer[at] = (byte) random.nextInt(256);
                data = longer;
            }
        }
        return data;
    }
}
