package org.imagefactory.core.internal.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.List;
import java.util.SplittableRandom;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.Mutations;
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
            byte[] mutant = Mutations.mutate(seeds.get(random.nextInt(seeds.size())), random);
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
}
