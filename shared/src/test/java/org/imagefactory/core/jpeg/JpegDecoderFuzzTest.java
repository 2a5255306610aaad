package org.imagefactory.core.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.List;
import java.util.SplittableRandom;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation loop over small JPEGs of every structure the decoder knows, one with an embedded profile:
 * every mutant must end in an image or a typed error, each well under a second; never a hang, an OutOfMemoryError
 * or an unchecked exception (the decoder's last-resort wrapping of one counts as a failure here).
 */
class JpegDecoderFuzzTest {

    private static final int MUTANTS = 2000;
    private static final long BUDGET_NANOS = 30_000_000_000L;

    private static List<byte[]> seeds;

    @BeforeAll
    static void seeds() {
        Libjpeg.require();
        Raster colour = Raster.testCard(37, 29, 3, 3);
        seeds = List.of(
                Libjpeg.cjpeg(colour, "-sample", "2x2,1x1,1x1", "-restart", "1B"),
                Libjpeg.cjpeg(colour, "-sample", "2x1,1x1,1x1", "-optimize"),
                Libjpeg.cjpeg(colour, "-progressive", "-sample", "2x2,1x1,1x1"),
                Libjpeg.cjpeg(colour, "-progressive", "-sample", "1x1,1x1,1x1", "-restart", "2B"),
                Libjpeg.cjpeg(Raster.testCard(37, 29, 1, 4), "-progressive"),
                EmbeddedProfileTest.withProfile(Libjpeg.cjpeg(colour, "-sample", "2x2,1x1,1x1"),
                        ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()));
    }

    @Test
    void mutantsEndInAnImageOrATypedError() {
        SplittableRandom random = new SplittableRandom(20240611L);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        long slowest = 0;
        int images = 0;
        int done = 0;
        for (; done < MUTANTS && System.nanoTime() < deadline; done++) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            int scale = 1 << random.nextInt(4);
            Outcome outcome = Outcome.of(mutant, mutant.length, scale, 1 << 22);
            slowest = Math.max(slowest, outcome.nanos());
            if (outcome.image() != null) {
                images++;
                assertThat(outcome.image().getWidth()).isPositive();
            } else if (outcome.error() != null) {
                assertThat(outcome.error().failure()).as("mutant %d: %s", done, outcome)
                        .isIn(Failure.CORRUPT_IMAGE, Failure.TOO_LARGE);
                assertThat(outcome.error().getCause()).as("mutant %d: %s", done, outcome).isNull();
                assertThat(outcome.error().getMessage()).startsWith("mutant.jpg: ");
            }
        }
        assertThat(done).as("mutants decoded within the time budget").isEqualTo(MUTANTS);
        assertThat(slowest / 1e9).as("slowest decode, seconds").isLessThan(1.0);
        assertThat(images).as("mutants that still decode (the loop reaches the pixel code)").isPositive();
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
                case 3 -> b = java.util.Arrays.copyOf(b, Math.max(2, at));
                case 4 -> {
                    int length = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] out = new byte[b.length + length];
                    System.arraycopy(b, 0, out, 0, at + length);
                    System.arraycopy(b, at, out, at + length, b.length - at);
                    b = out;
                }
                case 5 -> {
                    byte[] out = new byte[b.length + 2];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = (byte) 0xFF;
                    out[at + 1] = (byte) new int[] {0xD0, 0xD3, 0xD9, 0xC4, 0xDA, 0xDB, 0xDD, 0xC2}[random.nextInt(8)];
                    System.arraycopy(b, at, out, at + 2, b.length - at);
                    b = out;
                }
                default -> {
                    if (at + 1 < b.length) {
                        int value = random.nextInt(4) == 0 ? 0xFFFF : random.nextInt(1 << 16);
                        b[at] = (byte) (value >> 8);
                        b[at + 1] = (byte) value;
                    }
                }
            }
        }
        return b;
    }
}
