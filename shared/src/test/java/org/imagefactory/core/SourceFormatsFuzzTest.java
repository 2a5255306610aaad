package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation loop over the committed fixtures, every format and the readers behind them (libwebp's and
 * TwelveMonkeys' for WebP, the JDK's for GIF, BMP and interlaced PNG, TwelveMonkeys' for YCCK JPEG), through the
 * whole pipeline as the filter and the plugin run it: every mutant ends in a variant or a typed refusal, each
 * within seconds; never an {@code OutOfMemoryError}, an unchecked exception or a plain {@code IOException}. Its
 * first, longer run found a chunk length libwebp answered with an {@code OutOfMemoryError}, a 162-byte WebP one
 * reader decoded as 550 million pixels and a 50-byte one another read on for a minute ({@link DamagedWebpTest}).
 */
class SourceFormatsFuzzTest {

    private static final int MUTANTS = 3000;
    private static final long BUDGET_NANOS = 60_000_000_000L;
    private static final String[] ENCODINGS = {"jpeg", "png", "webp", "gif", "bmp", null};

    @TempDir
    Path dir;

    @Test
    void mutantsEndInAVariantOrATypedRefusal() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : List.of("alpha.bmp", "animated.gif", "animated.webp", "gray-alpha.png", "interlaced.png",
                "linear-icc.jpg", "linear-icc.png", "lossless-alpha.webp", "lossy-alpha.webp", "lossy.webp",
                "palette-trns.png", "rgb24.bmp", "transparent.gif", "ycck.jpg")) {
            seeds.add(Files.readAllBytes(Fixtures.resource(name)));
            names.add(name);
        }
        ResizePipeline pipeline = new ResizePipeline();
        SplittableRandom random = new SplittableRandom(20261127L);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        long slowest = 0;
        int rendered = 0;
        int done = 0;
        for (; done < MUTANTS && System.nanoTime() < deadline; done++) {
            int seed = random.nextInt(seeds.size());
            Path file = Files.write(dir.resolve("mutant-" + names.get(seed)), Mutations.mutate(seeds.get(seed), random));
            String encoding = ENCODINGS[random.nextInt(ENCODINGS.length)];
            long start = System.nanoTime();
            try {
                SourceInfo info = pipeline.probe(file);
                pipeline.render(file, info, pipeline.normalize(VariantRequest.of("40", null, encoding, null), info));
                rendered++;
            } catch (ImageFactoryException e) {
                assertThat(e.failure()).as("mutant %d of %s: %s", done, names.get(seed), e.getMessage())
                        .isIn(Failure.CORRUPT_IMAGE, Failure.TOO_LARGE, Failure.UNSUPPORTED_FORMAT,
                                Failure.INVALID_ARGUMENT);
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertThat(done).as("mutants rendered within the time budget").isEqualTo(MUTANTS);
        assertThat(slowest / 1e9).as("slowest mutant, seconds").isLessThan(5.0);
        assertThat(rendered).as("mutants that still render (the loop reaches the decoders)").isPositive();
    }
}
