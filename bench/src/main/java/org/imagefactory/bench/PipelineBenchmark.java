package org.imagefactory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.imagefactory.core.AtomicFiles;
import org.imagefactory.core.Encoding;
import org.imagefactory.core.Rendition;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.VariantSpec;

/**
 * Times the pipeline over a folder of photos the way {@code shared/bench/reference.sh} times libvips and Pillow:
 * one process, one thread, every file once (the "cold" pass, comparable with the reference tools' totals), then
 * {@code runs} more passes for per-image medians split into decode, resize and encode (none for 0: the cold pass
 * alone).
 *
 * <p>usage: {@code PipelineBenchmark DIR WIDTH [QUALITY] [RUNS] [OUTDIR]}; OUTDIR receives the cold pass's files as
 * {@code <name>.jpg} so their quality can be compared with the reference tools' output.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PipelineBenchmark DIR WIDTH [QUALITY] [RUNS] [OUTDIR]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int width = Integer.parseInt(args[1]);
        String quality = args.length > 2 ? args[2] : "80";
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path outFolder = args.length > 4 ? Path.of(args[4]) : null;
        ImageIO.scanForPlugins();

        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> Encoding.isImageFileName(f.getFileName().toString())).sorted().toList();
        }
        ResizePipeline pipeline = new ResizePipeline();
        VariantRequest request = VariantRequest.of(Integer.toString(width), null, "jpeg", quality);

        long coldStart = System.nanoTime();
        for (Path file : files) {
            Rendition rendition = render(pipeline, request, file);
            if (outFolder != null) {
                String name = file.getFileName().toString();
                AtomicFiles.write(outFolder.resolve(name.substring(0, name.lastIndexOf('.')) + ".jpg"),
                        rendition.data());
            }
        }
        long coldMillis = (System.nanoTime() - coldStart) / 1_000_000;
        if (runs == 0) {
            System.out.printf(Locale.ROOT, "imagefactory-cold-pass %d %d%n", coldMillis, files.size());
            return;
        }

        long[][] totals = new long[files.size()][runs];
        long[][] decode = new long[files.size()][runs];
        long[][] resize = new long[files.size()][runs];
        long[][] encode = new long[files.size()][runs];
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < files.size(); i++) {
                long start = System.nanoTime();
                Rendition rendition = render(pipeline, request, files.get(i));
                totals[i][run] = System.nanoTime() - start;
                decode[i][run] = rendition.timings().decodeNanos();
                resize[i][run] = rendition.timings().resizeNanos();
                encode[i][run] = rendition.timings().encodeNanos();
            }
        }

        System.out.printf(Locale.ROOT, "%-45s %9s %8s %8s %8s %8s%n", "file", "MP", "total", "decode", "resize", "encode");
        double sumTotal = 0;
        double sumDecode = 0;
        double sumResize = 0;
        double sumEncode = 0;
        for (int i = 0; i < files.size(); i++) {
            SourceInfo info = pipeline.probe(files.get(i));
            double total = median(totals[i]);
            double d = median(decode[i]);
            double r = median(resize[i]);
            double e = median(encode[i]);
            sumTotal += total;
            sumDecode += d;
            sumResize += r;
            sumEncode += e;
            System.out.printf(Locale.ROOT, "%-45s %9.1f %8.1f %8.1f %8.1f %8.1f%n", files.get(i).getFileName(),
                    info.pixels() / 1e6, total, d, r, e);
        }
        System.out.printf(Locale.ROOT, "%-45s %9s %8.1f %8.1f %8.1f %8.1f%n", "sum of medians (ms)", "", sumTotal,
                sumDecode, sumResize, sumEncode);
        System.out.printf(Locale.ROOT, "imagefactory-cold-pass %d %d%n", coldMillis, files.size());
        System.out.printf(Locale.ROOT, "imagefactory-warm-median-sum %.0f %d%n", sumTotal, files.size());
    }

    private static Rendition render(ResizePipeline pipeline, VariantRequest request, Path file) throws IOException {
        SourceInfo info = pipeline.probe(file);
        VariantSpec spec = pipeline.normalize(request, info);
        return pipeline.render(file, info, spec);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return middle / 1e6;
    }
}
