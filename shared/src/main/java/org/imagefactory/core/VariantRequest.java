package org.imagefactory.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The variant a caller asked for, before it is fitted to a source: each part is {@code null} when not given.
 * Made from URL arguments ({@code scalex}, {@code scaley}, {@code encoding}, {@code quality}) or the same names
 * in a build configuration, so both ways in accept and reject exactly the same values.
 */
public record VariantRequest(Integer scalex, Integer scaley, Encoding encoding, Integer quality) {

    public static final String SCALEX = "scalex";
    public static final String SCALEY = "scaley";
    public static final String ENCODING = "encoding";
    public static final String QUALITY = "quality";

    /** Plain decimal only: no sign, exponent, hex, NaN or Infinity, and short enough to never be a DoS. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,3}");

    /** The request for the source as it is: no argument given. */
    public static final VariantRequest ORIGINAL = new VariantRequest(null, null, null, null);

    public VariantRequest {
        if (scalex != null && scalex <= 0) {
            throw ImageFactoryException.invalidArgument(SCALEX, scalex.toString(), "a positive number of pixels");
        }
        if (scaley != null && scaley <= 0) {
            throw ImageFactoryException.invalidArgument(SCALEY, scaley.toString(), "a positive number of pixels");
        }
        if (quality != null && (quality < 1 || quality > 100)) {
            throw ImageFactoryException.invalidArgument(QUALITY, quality.toString(), "a whole number from 1 to 100");
        }
    }

    /**
     * Parses URL-style arguments (as a servlet's parameter map gives them). Arguments other than the four are
     * ignored; an argument repeated with two different values is refused.
     */
    public static VariantRequest fromArguments(Map<String, String[]> arguments) {
        return of(single(arguments, SCALEX), single(arguments, SCALEY), single(arguments, ENCODING),
                single(arguments, QUALITY));
    }

    /** Parses the four arguments from their text; {@code null} means not given. */
    public static VariantRequest of(String scalex, String scaley, String encoding, String quality) {
        return new VariantRequest(
                scalex == null ? null : parseDimension(SCALEX, scalex),
                scaley == null ? null : parseDimension(SCALEY, scaley),
                encoding == null ? null : Encoding.parse(encoding),
                quality == null ? null : parseQuality(quality));
    }

    /** Whether no argument was given at all: the caller wants the original file. */
    public boolean isOriginal() {
        return equals(ORIGINAL);
    }

    /**
     * The request as URL arguments in canonical order, such as {@code scalex=320&encoding=webp}; empty for
     * {@link #ORIGINAL}. Parsing the result gives back an equal request.
     */
    public String toQueryString() {
        StringBuilder query = new StringBuilder();
        append(query, SCALEX, scalex);
        append(query, SCALEY, scaley);
        append(query, ENCODING, encoding == null ? null : encoding.argument());
        append(query, QUALITY, quality);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, Object value) {
        if (value != null) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(value);
        }
    }

    /** Parses what {@link #toQueryString()} writes. */
    public static VariantRequest fromQueryString(String query) {
        Map<String, String[]> arguments = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            arguments.merge(name, new String[] {value}, (a, b) -> new String[] {a[0], b[0]});
        }
        return fromArguments(arguments);
    }

    private static String single(Map<String, String[]> arguments, String name) {
        String[] values = arguments.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        String[] distinct = Arrays.stream(values).distinct().toArray(String[]::new);
        if (distinct.length > 1) {
            throw ImageFactoryException.invalidArgument(name, String.join("' and '", distinct),
                    "one value (it was given " + values.length + " times with different values)");
        }
        return Objects.requireNonNull(values[0]);
    }

    /** A box dimension: a positive decimal, rounded half-up; larger than any image is fine (it is clamped). */
    static int parseDimension(String argument, String text) {
        String value = text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            throw ImageFactoryException.invalidArgument(argument, text,
                    "a positive number of pixels such as 400 or 400.5 (digits only, at most 12 each side of the point)");
        }
        BigDecimal rounded = new BigDecimal(value).setScale(0, RoundingMode.HALF_UP);
        if (rounded.signum() <= 0) {
            throw ImageFactoryException.invalidArgument(argument, text, "a positive number of pixels (at least 0.5)");
        }
        return rounded.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : rounded.intValueExact();
    }

    static int parseQuality(String text) {
        String value = text.strip();
        if (!INTEGER.matcher(value).matches()) {
            throw ImageFactoryException.invalidArgument(QUALITY, text, "a whole number from 1 to 100");
        }
        int quality = Integer.parseInt(value);
        if (quality < 1 || quality > 100) {
            throw ImageFactoryException.invalidArgument(QUALITY, text, "a whole number from 1 to 100");
        }
        return quality;
    }
}
