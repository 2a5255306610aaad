package org.imagefactory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.Rendition;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantRequest;

/**
 * Warm, in-process cost of cropping against fitting inside: every file made 300 × 300 {@code fit=cover} with each
 * gravity, 300 px inside, and inside at the scale the cover works at (450 × 300 for a 3:2 photo: the same
 * shrink-on-load), the variants interleaved in every pass so drift hits all alike; per-file medians summed.
 *
 * <p>usage: {@code CropBenchmark DIR [RUNS]}
 */
public final class CropBenchmark {

    private static final List<String> QUERIES = List.of("scalex=300&scaley=300", "scalex=450&scaley=300",
            "scalex=300&scaley=300&fit=cover", "scalex=300&scaley=300&fit=cover&gravity=attention",
            "scalex=300&scaley=300&fit=cover&gravity=entropy");

    private CropBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ImageIO.scanForPlugins();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> Encoding.isImageFileName(f.getFileName().toString())).sorted().toList();
        }
        ResizePipeline pipeline = new ResizePipeline();
        long[][][] nanos = new long[QUERIES.size()][files.size()][runs];
        long[][][] phases = new long[QUERIES.size()][3][files.size() * runs];
        for (int run = -2; run < runs; run++) {
            for (int i = 0; i < files.size(); i++) {
                for (int q = 0; q < QUERIES.size(); q++) {
                    long start = System.nanoTime();
                    SourceInfo info = pipeline.probe(files.get(i));
                    Rendition rendition = pipeline.render(files.get(i), info,
                            pipeline.normalize(VariantRequest.fromQueryString(QUERIES.get(q)), info));
                    if (run >= 0) {
                        nanos[q][i][run] = System.nanoTime() - start;
                        phases[q][0][i * runs + run] = rendition.timings().decodeNanos();
                        phases[q][1][i * runs + run] = rendition.timings().resizeNanos();
                        phases[q][2][i * runs + run] = rendition.timings().encodeNanos();
                    }
                }
            }
        }
        double inside = sumOfMedians(nanos[0]);
        for (int q = 0; q < QUERIES.size(); q++) {
            double sum = sumOfMedians(nanos[q]);
            System.out.printf(Locale.ROOT, "warm %-52s %7.1f ms  %.2fx inside  (mean per file: decode %.1f,"
                    + " crop and resize %.1f, encode %.1f ms)%n", QUERIES.get(q), sum, sum / inside,
                    mean(phases[q][0]), mean(phases[q][1]), mean(phases[q][2]));
        }
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static double sumOfMedians(long[][] perFile) {
        double sum = 0;
        for (long[] runs : perFile) {
            long[] sorted = runs.clone();
            Arrays.sort(sorted);
            sum += sorted[sorted.length / 2] / 1e6;
        }
        return sum;
    }
}
