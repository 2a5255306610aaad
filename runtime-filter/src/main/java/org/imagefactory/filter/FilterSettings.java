package org.imagefactory.filter;

import java.awt.Color;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.PipelineOptions;
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
 */
record FilterSettings(String sourceRoot, String pregeneratedRoot, String cacheDir, SizePolicy sizePolicy,
                      Set<Integer> allowedSizes, Set<Integer> allowedQualities, String signingKey,
                      long maxSourcePixels, int maxConcurrent, int queueSize, Duration queueTimeout, long cacheMaxBytes, String cacheControl,
                      int defaultQuality, Color background, Duration fileCheckInterval,
                      boolean allowLinking) {

    static final String CONTEXT_PARAM_PREFIX = "imagefactory.";

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
                (int) in.number("queueSize", 16L * cores, 0, 1_000_000),
                in.duration("queueTimeout", Duration.ofSeconds(10)),
                in.bytes("cacheMaxBytes", 1L << 30),
                in.text("cacheControl", "public, max-age=86400"),
                (int) in.number("defaultQuality", VariantSpec.STANDARD_QUALITY, 1, 100),
                in.color("background", Color.WHITE),
                in.duration("fileCheckInterval", Duration.ofSeconds(1)),
                in.flag("allowLinking", false));
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
            String value = raw(name);
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
