package org.imagefactory.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.imagefactory.core.AtomicFiles;
import org.imagefactory.core.CacheNaming;
import org.imagefactory.core.Encoding;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.Rendition;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantArgument;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.VariantSpec;
import org.imagefactory.core.batch.SourceFailure;
import org.imagefactory.core.batch.SourceSelector;

/**
 * {@code java -jar imagefactory-cli.jar --out DIR [--scalex N] [--scaley N] [--encoding E] [--quality Q]
 * [--threads N] SOURCE...}: writes each variant at its cache-naming path under DIR, the same path the build
 * plugin and the servlet filter use, and prints one line per output.
 */
public final class Main {

    static final String USAGE = "usage: imagefactory --out DIR "
            + VariantArgument.names().stream().map(name -> option(VariantArgument.named(name).orElseThrow()))
                    .map(option -> "[" + option + "]").collect(Collectors.joining(" "))
            + " [--threads N] [--max-source-pixels N] [--background #rrggbb] [--progressive] FILE_OR_FOLDER...";

    /** The options' descriptions: the variant arguments' from the core's table, so both say the same. */
    static final String HELP = USAGE + """

            Writes one variant of each image at its cache-naming path under DIR; a folder means every .jpg, .jpeg, .png,
            .gif, .bmp and .webp file under it (other files are listed as skipped, hidden ones are passed over).
              --out DIR                where the variants go (required)
            """ + Arrays.stream(VariantArgument.values())
                    .map(argument -> String.format("  %-25s%s (default: %s)\n", option(argument),
                            argument.description(), argument.defaultValue()))
                    .collect(Collectors.joining()) + """
              --threads N              images worked on at once (default: the number of cores, %d here)
              --max-source-pixels N    refuse larger sources before decoding them (default: 50000000)
              --background #rrggbb     what transparency is flattened onto in jpeg, bmp (default: #ffffff)
              --progressive            write progressive JPEGs (default: baseline)
              -h, --help               print this help and exit
            Exit status: 0 when every image was written, 1 when any failed, 2 for a usage error.""";

    /** Names of image formats people keep beside their photos, for the line that says we skipped one. */
    private static final Map<String, String> OTHER_IMAGE_FORMATS = Map.ofEntries(
            Map.entry("tif", "TIFF"), Map.entry("tiff", "TIFF"), Map.entry("heic", "HEIF"), Map.entry("heif", "HEIF"),
            Map.entry("avif", "AVIF"), Map.entry("jxl", "JPEG XL"), Map.entry("jp2", "JPEG 2000"),
            Map.entry("svg", "SVG"), Map.entry("psd", "Photoshop"), Map.entry("ico", "ICO"), Map.entry("raw", "raw"),
            Map.entry("cr2", "Canon raw"), Map.entry("nef", "Nikon raw"), Map.entry("dng", "DNG raw"));

    private final PrintStream out;
    private final PrintStream err;

    private static String option(VariantArgument argument) {
        return "--" + argument.argument() + " " + argument.placeholder();
    }

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    /**
     * Runs the command; returns 0 when every file was written (files of other formats in a folder are listed as
     * skipped and change nothing), 1 when any failed, 2 on a usage error; {@code --help} prints the options and is 0.
     */
    int run(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(HELP.formatted(Runtime.getRuntime().availableProcessors()));
            return 0;
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException | ImageFactoryException e) {
            err.println("imagefactory: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ImageIO.scanForPlugins();
        List<Job> jobs = new ArrayList<>();
        for (Path source : arguments.sources) {
            if (Files.isDirectory(source)) {
                try {
                    Path base = source.toAbsolutePath().normalize();
                    // Shown as given: relative to the folder named on the command line, not made absolute.
                    SourceSelector.Selection found = SourceSelector.of(null, null).select(source, arguments.out);
                    found.selected().forEach(file -> jobs.add(new Job(source.resolve(base.relativize(file)), source)));
                    found.leftOut().stream().map(base::relativize).filter(file -> !hidden(file))
                            .forEach(file -> err.println("skipped " + source.resolve(file) + ": " + notRead(file)));
                } catch (IOException e) {
                    err.println("imagefactory: " + source + ": " + e.getMessage());
                    return 1;
                }
            } else {
                jobs.add(new Job(source, null));
            }
        }
        ResizePipeline pipeline = new ResizePipeline(arguments.options);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(arguments.threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Job job : jobs) {
                running.add(workers.submit(() -> {
                    if (!process(pipeline, arguments, job)) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            err.println("imagefactory: " + e);
            return 1;
        } finally {
            workers.shutdownNow();
        }
        return failures.get() == 0 ? 0 : 1;
    }

    private boolean process(ResizePipeline pipeline, Arguments arguments, Job job) {
        long start = System.nanoTime();
        try {
            SourcePath path = job.sourcePath();
            SourceInfo info = pipeline.probe(job.file);
            VariantSpec spec = pipeline.normalize(arguments.request, info);
            Rendition rendition = pipeline.render(job.file, info, spec);
            Path target = arguments.out.resolve(CacheNaming.variantPath(path, spec));
            AtomicFiles.write(target, rendition.data());
            long millis = (System.nanoTime() - start) / 1_000_000;
            synchronized (out) {
                out.printf(Locale.ROOT, "%s  %s  %d  %d%n", target, rendition.size(), rendition.data().length, millis);
            }
            return true;
        } catch (ImageFactoryException e) {
            report(job, e.getMessage());
        } catch (FileSystemException e) {
            report(job, e.getFile() + ": " + reason(e));
        } catch (IOException | RuntimeException e) {
            report(job, e.toString());
        } catch (OutOfMemoryError e) {
            report(job, "out of memory (raise -Xmx or lower --max-source-pixels)");
        }
        return false;
    }

    /** Files and folders whose name starts with a dot are the system's or a tool's, never someone's photos. */
    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String notRead(Path file) {
        String extension = CacheNaming.extension(file.getFileName().toString());
        String known = OTHER_IMAGE_FORMATS.get(extension);
        String reads = "(it reads ." + String.join(", .", Encoding.READ_EXTENSIONS) + ")";
        if (known != null) {
            return known + " is not a format imagefactory reads " + reads;
        }
        if (extension.isEmpty()) {
            return "no file extension " + reads;
        }
        return "." + extension + " is not an image file imagefactory reads " + reads;
    }

    private static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }

    private void report(Job job, String message) {
        synchronized (err) {
            err.println("error: " + SourceFailure.of(job.file, message));
        }
    }

    /** A file to process, and the folder given on the command line that it was found in ({@code null} if none). */
    private record Job(Path file, Path root) {

        /** Checked per file, so that one name that cannot be a cache path fails only that file. */
        SourcePath sourcePath() {
            return root == null ? SourcePath.of(file.getFileName().toString()) : SourcePath.relativize(root, file);
        }
    }

    private static final class Arguments {
        Path out;
        VariantRequest request = VariantRequest.ORIGINAL;
        PipelineOptions options = PipelineOptions.DEFAULTS;
        int threads = Runtime.getRuntime().availableProcessors();
        final List<Path> sources = new ArrayList<>();

        static Arguments parse(String[] args) {
            Arguments parsed = new Arguments();
            Map<String, String> variant = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--out" -> parsed.out = Path.of(value(args, ++i, arg));
                    case "--threads" -> parsed.threads = positive(value(args, ++i, arg), arg);
                    case "--max-source-pixels" -> parsed.options =
                            parsed.options.withMaxSourcePixels(positive(value(args, ++i, arg), arg));
                    case "--background" -> parsed.options =
                            parsed.options.withBackground(PipelineOptions.parseColor(value(args, ++i, arg)));
                    case "--progressive" -> parsed.options = parsed.options.withProgressiveJpeg(true);
                    default -> {
                        Optional<VariantArgument> argument = arg.startsWith("--")
                                ? VariantArgument.named(arg.substring(2)) : Optional.empty();
                        if (argument.isPresent()) {
                            variant.put(argument.get().argument(), value(args, ++i, arg));
                            continue;
                        }
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        parsed.sources.add(Path.of(arg));
                    }
                }
            }
            if (parsed.out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            if (parsed.sources.isEmpty()) {
                throw new IllegalArgumentException("no source file or folder given");
            }
            parsed.request = VariantRequest.of(variant);
            return parsed;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int positive(String text, String option) {
            try {
                int value = Integer.parseInt(text);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the option's name
            }
            throw new IllegalArgumentException(option + " expects a positive whole number, got '" + text + "'");
        }
    }
}
