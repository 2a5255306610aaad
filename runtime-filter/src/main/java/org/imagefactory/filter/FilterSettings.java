package org.imagefactory.filter;

import java.awt.Color;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantSpec;

/**
 * The filter's configuration, read from its init-params and from context-params named {@code imagefactory.<param>}
 * (an init-param wins). Paths are kept as written: the filter decides at start-up whether they are inside the web app.
 *
 * @param sourceRoot       web-app folder or absolute directory of the source images
 * @param pregeneratedRoot web-app folder or absolute directory the build plugin wrote into
 * @param cacheDir         absolute directory for generated variants, or {@code null} for the container's temp dir
 * @param fileCheckInterval how long a repeated request trusts that the files it was served from are unchanged
 * @param allowLinking     whether a symbolic link under the source root may be followed to its target
 * @param generationTimeout how long a generation may take, per megapixel of its source when
 *                          {@code generationTimeoutPerMegapixel}
 * @param generationMemory  the heap, in bytes, that the generations running at once may be estimated to hold
 */
record FilterSettings(String sourceRoot, String pregeneratedRoot, String cacheDir, SizePolicy sizePolicy,
                      Set<Integer> allowedSizes, Set<Integer> allowedQualities, String signingKey,
                      long maxSourcePixels, int maxConcurrent, int queueSize, Duration queueTimeout, long cacheMaxBytes, String cacheControl,
                      int defaultQuality, Color background, Duration fileCheckInterval,
                      boolean allowLinking, Duration generationTimeout, boolean generationTimeoutPerMegapixel,
                      long generationMemory) {

    static final String CONTEXT_PARAM_PREFIX = "imagefactory.";

    /**
     * The default queue: 16 waiting requests a core, but never so many that waiting requests could take all of a
     * container's threads (Tomcat's and Jetty's default pools have 200), leaving none for cache hits.
     */
    private static final int MAX_DEFAULT_QUEUE = 100;

    private static final String PER_MEGAPIXEL = "/mp";

    /**
     * Reads every parameter through {@code lookup}, which returns {@code null} for one that is not set.
     *
     * @throws IllegalArgumentException naming the parameter, its value and what was expected
     */
    static FilterSettings read(UnaryOperator<String> lookup) {
        int cores = Runtime.getRuntime().availableProcessors();
        Reader in = new Reader(lookup);
        return new FilterSettings(
                in.text("sourceRoot", "/pictures"),
                in.text("pregeneratedRoot", "/WEB-INF/imagefactory"),
                in.text("cacheDir", null),
                in.policy(),
                in.numbers("allowedSizes", 1, Integer.MAX_VALUE, "positive whole numbers of pixels separated by"
                        + " commas, such as 320,640,1280"),
                in.numbers("allowedQualities", 1, 100, "whole numbers from 1 to 100 separated by commas, such as"
                        + " 60,80"),
                in.text("signingKey", null),
                in.number("maxSourcePixels", PipelineOptions.DEFAULT_MAX_SOURCE_PIXELS, 1, Long.MAX_VALUE),
                (int) in.number("maxConcurrent", cores, 1, 10_000),
                (int) in.number("queueSize", Math.min(16L * cores, MAX_DEFAULT_QUEUE), 0, 1_000_000),
                in.duration("queueTimeout", Duration.ofSeconds(10)),
                in.bytes("cacheMaxBytes", 1L << 30),
                in.text("cacheControl", "public, max-age=86400"),
                (int) in.number("defaultQuality", VariantSpec.STANDARD_QUALITY, 1, 100),
                in.color("background", Color.WHITE),
                in.duration("fileCheckInterval", Duration.ofSeconds(1)),
                in.flag("allowLinking", false),
                in.positiveDuration("generationTimeout", Duration.ofSeconds(2)),
                in.perMegapixel("generationTimeout", true),
                in.heapShare("generationMemory", 50));
    }

    /**
     * The time a generation from {@code source} may take: {@link #generationTimeout} as it is, or, per megapixel
     * ({@code 2s/MP}, the default), that for each of the source's megapixels, counting at least one, so a small
     * image gets the whole timeout and a large one time in proportion.
     */
    Duration generationTimeout(SourceInfo source) {
        if (!generationTimeoutPerMegapixel) {
            return generationTimeout;
        }
        double megapixels = Math.max(1.0, source.pixels() / 1e6);
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, generationTimeout.toNanos() * megapixels));
    }

    PipelineOptions pipelineOptions() {
        return PipelineOptions.DEFAULTS.withMaxSourcePixels(maxSourcePixels).withDefaultQuality(defaultQuality)
                .withBackground(background);
    }

    private static final class Reader {
        private final UnaryOperator<String> lookup;

        Reader(UnaryOperator<String> lookup) {
            this.lookup = lookup;
        }

        private String raw(String name) {
            String value = lookup.apply(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String text(String name, String fallback) {
            String value = raw(name);
            return value == null ? fallback : value;
        }

        long number(String name, long fallback, long min, long max) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            try {
                long parsed = Long.parseLong(value.replace("_", ""));
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the expected range
            }
            throw invalid(name, value, "a whole number from " + min + " to " + max);
        }

        SizePolicy policy() {
            String value = raw("sizePolicy");
            if (value == null) {
                return SizePolicy.SNAP;
            }
            try {
                return SizePolicy.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("sizePolicy", value, "snap, strict or any");
            }
        }

        Set<Integer> numbers(String name, int min, int max, String expected) {
            Set<Integer> numbers = new TreeSet<>();
            String value = raw(name);
            if (value == null) {
                return numbers;
            }
            for (String item : value.split("[,\\s]+")) {
                try {
                    int number = Integer.parseInt(item);
                    if (number >= min && number <= max) {
                        numbers.add(number);
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw invalid(name, value, expected);
            }
            return numbers;
        }

        boolean flag(String name, boolean fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(name, value, "true or false");
            };
        }

        Duration duration(String name, Duration fallback) {
            return duration(name, fallback, raw(name));
        }

        private Duration duration(String name, Duration fallback, String value) {
            if (value == null) {
                return fallback;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            try {
                if (lower.endsWith("ms")) {
                    return nonNegative(Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2))));
                }
                String seconds = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
                return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000)));
            } catch (NumberFormatException | ArithmeticException e) {
                throw invalid(name, value, "a duration such as 10s, 2.5s or 500ms");
            }
        }

        /** Whether a duration is written per megapixel, as {@code 2s/MP}; {@code fallback} when it is not set. */
        boolean perMegapixel(String name, boolean fallback) {
            String value = raw(name);
            return value == null ? fallback : value.toLowerCase(Locale.ROOT).endsWith(PER_MEGAPIXEL);
        }

        /** A positive {@link #duration}, optionally followed by {@code /MP}. */
        Duration positiveDuration(String name, Duration fallback) {
            String written = raw(name);
            Duration value;
            try {
                value = written == null ? fallback : duration(name, Duration.ZERO,
                        perMegapixel(name, false) ? written.substring(0, written.length() - PER_MEGAPIXEL.length())
                                : written);
            } catch (IllegalArgumentException e) {
                value = Duration.ZERO;
            }
            if (value.isZero()) {
                throw invalid(name, written, "a positive duration such as 30s or 500ms, or one per megapixel of"
                        + " the source such as 2s/MP");
            }
            return value;
        }

        /** A size in bytes ({@link #bytes}) or a percentage of the JVM's maximum heap, such as {@code 50%}. */
        long heapShare(String name, int fallbackPercent) {
            String value = raw(name);
            long heap = Runtime.getRuntime().maxMemory();
            if (value == null) {
                return heap / 100 * fallbackPercent;
            }
            if (!value.endsWith("%")) {
                return bytes(name, 0);
            }
            try {
                double percent = Double.parseDouble(value.substring(0, value.length() - 1).strip());
                if (percent > 0 && percent <= 100) {
                    return (long) (heap * (percent / 100));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(name, value, "a share of the heap such as 50%, or a size in bytes such as 512m");
        }

        private static Duration nonNegative(Duration duration) {
            if (duration.isNegative()) {
                throw new NumberFormatException();
            }
            return duration;
        }

        long bytes(String name, long fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            int shift = lower.endsWith("k") ? 10 : lower.endsWith("m") ? 20 : lower.endsWith("g") ? 30 : 0;
            String digits = shift == 0 ? lower : lower.substring(0, lower.length() - 1);
            try {
                long parsed = Long.parseLong(digits);
                if (parsed > 0 && parsed <= (Long.MAX_VALUE >> shift)) {
                    return parsed << shift;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(name, value, "a positive size in bytes such as 1073741824, 512m or 1g");
        }

        Color color(String name, Color fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            try {
                return PipelineOptions.parseColor(value);
            } catch (ImageFactoryException e) {
                throw invalid(name, value, "a colour as #rrggbb, such as #ffffff");
            }
        }

        private static IllegalArgumentException invalid(String name, String value, String expected) {
            return new IllegalArgumentException("invalid init-param " + name + " (or context-param "
                    + CONTEXT_PARAM_PREFIX + name + ") = '" + value + "': expected " + expected);
        }
    }
}
