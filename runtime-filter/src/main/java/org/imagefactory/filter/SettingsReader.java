package org.imagefactory.filter;

import java.awt.Color;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.PipelineOptions;

/**
 * Reads the filter's parameters by name, each in the form it is documented in. Invariant: a parameter that is not
 * set (or blank) gives its fallback; one that is set gives its value or an {@link IllegalArgumentException} naming
 * the init-param, its context-param, the value as written and what was expected, never a value guessed from it.
 */
final class SettingsReader {

    private static final String PER_MEGAPIXEL = "/mp";

    private final UnaryOperator<String> lookup;

    SettingsReader(UnaryOperator<String> lookup) {
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

    /**
     * A list of argument values, each read by {@code parse}, separated by commas or spaces; a comma or a space
     * followed by a digit belongs to the value, as in the focal point {@code fp:0.3,0.7} (or {@code fp:0.3, 0.7}).
     */
    <T> Set<T> choices(String name, Function<String, T> parse) {
        Set<T> choices = new LinkedHashSet<>();
        String value = raw(name);
        if (value == null) {
            return choices;
        }
        for (String item : value.strip().split("\\s*,(?!\\s*[0-9])\\s*|\\s+(?=[A-Za-z])")) {
            try {
                choices.add(parse.apply(item));
            } catch (ImageFactoryException e) {
                throw invalid(name, value, e.getMessage().replaceFirst("^invalid [^:]*: expected ", ""));
            }
        }
        return choices;
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
                + FilterSettings.CONTEXT_PARAM_PREFIX + name + ") = '" + value + "': expected " + expected);
    }
}
