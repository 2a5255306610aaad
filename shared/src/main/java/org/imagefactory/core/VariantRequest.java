package org.imagefactory.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The variant a caller asked for, before it is fitted to a source: each part is {@code null} when not given.
 * Made from URL arguments, the same names in a build configuration or command-line options, all parsed by
 * {@link VariantArgument}, so every way in accepts and rejects exactly the same values.
 *
 * <pre>{@code
 * VariantRequest thumbnail = VariantRequest.of(Map.of("scalex", "320", "encoding", "webp"));
 * }</pre>
 */
public record VariantRequest(Integer scalex, Integer scaley, Encoding encoding, Integer quality, Fit fit,
        Gravity gravity, Double dpr) {

    /** The request for the source as it is: no argument given. */
    public static final VariantRequest ORIGINAL = new VariantRequest(null, null, null, null, null, null, null);

    /** A request for a box, an encoding and a quality, fitted {@link Fit#INSIDE}: the original route's arguments. */
    public VariantRequest(Integer scalex, Integer scaley, Encoding encoding, Integer quality) {
        this(scalex, scaley, encoding, quality, null, null, null);
    }

    public VariantRequest {
        if (scalex != null && scalex <= 0) {
            throw ImageFactoryException.invalidArgument(VariantArgument.SCALEX.argument(), scalex.toString(),
                    VariantArgument.DIMENSION_EXPECTED);
        }
        if (scaley != null && scaley <= 0) {
            throw ImageFactoryException.invalidArgument(VariantArgument.SCALEY.argument(), scaley.toString(),
                    VariantArgument.DIMENSION_EXPECTED);
        }
        if (quality != null && (quality < 1 || quality > 100)) {
            throw ImageFactoryException.invalidArgument(VariantArgument.QUALITY.argument(), quality.toString(),
                    VariantArgument.QUALITY_EXPECTED);
        }
        if (dpr != null && !(dpr >= 1 && dpr <= VariantArgument.MAX_DPR)) {
            throw ImageFactoryException.invalidArgument(VariantArgument.DPR.argument(), dpr.toString(),
                    VariantArgument.DPR_EXPECTED);
        }
    }

    public VariantRequest withScalex(Integer value) {
        return new VariantRequest(value, scaley, encoding, quality, fit, gravity, dpr);
    }

    public VariantRequest withScaley(Integer value) {
        return new VariantRequest(scalex, value, encoding, quality, fit, gravity, dpr);
    }

    public VariantRequest withEncoding(Encoding value) {
        return new VariantRequest(scalex, scaley, value, quality, fit, gravity, dpr);
    }

    public VariantRequest withQuality(Integer value) {
        return new VariantRequest(scalex, scaley, encoding, value, fit, gravity, dpr);
    }

    public VariantRequest withFit(Fit value) {
        return new VariantRequest(scalex, scaley, encoding, quality, value, gravity, dpr);
    }

    public VariantRequest withGravity(Gravity value) {
        return new VariantRequest(scalex, scaley, encoding, quality, fit, value, dpr);
    }

    public VariantRequest withDpr(Double value) {
        return new VariantRequest(scalex, scaley, encoding, quality, fit, gravity, value);
    }

    /**
     * The request with its device pixel ratio multiplied into the box, rounded to the nearest pixel: the box the
     * size ladder and the source's size then apply to. Itself when there is no {@code dpr}.
     */
    public VariantRequest atDevicePixels() {
        if (dpr == null) {
            return this;
        }
        return new VariantRequest(times(scalex, dpr), times(scaley, dpr), encoding, quality, fit, gravity, null);
    }

    private static Integer times(Integer dimension, double ratio) {
        return dimension == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.round(dimension * ratio));
    }

    /**
     * Parses URL-style arguments (as a servlet's parameter map gives them). Names that are not a
     * {@link VariantArgument} are ignored; an argument repeated with two different values is refused.
     */
    public static VariantRequest fromArguments(Map<String, String[]> arguments) {
        VariantRequest request = ORIGINAL;
        for (VariantArgument argument : VariantArgument.values()) {
            String value = single(arguments, argument.argument());
            if (value != null) {
                request = argument.parseInto(request, value);
            }
        }
        return request;
    }

    /**
     * Parses arguments given once each, by name ({@code "scalex" -> "320"}).
     *
     * @throws ImageFactoryException for a value that does not parse, or a name that is no {@link VariantArgument}
     */
    public static VariantRequest of(Map<String, String> arguments) {
        for (Map.Entry<String, String> entry : new TreeMap<>(arguments).entrySet()) {
            if (VariantArgument.named(entry.getKey()).isEmpty()) {
                throw ImageFactoryException.invalidArgument(entry.getKey(), entry.getValue(),
                        "one of the arguments " + String.join(", ", VariantArgument.names()));
            }
        }
        VariantRequest request = ORIGINAL;
        for (VariantArgument argument : VariantArgument.values()) {
            String value = arguments.get(argument.argument());
            if (value != null) {
                request = argument.parseInto(request, value);
            }
        }
        return request;
    }

    /** Parses the four arguments from their text; {@code null} means not given. */
    public static VariantRequest of(String scalex, String scaley, String encoding, String quality) {
        Map<String, String> arguments = new HashMap<>();
        arguments.put(VariantArgument.SCALEX.argument(), scalex);
        arguments.put(VariantArgument.SCALEY.argument(), scaley);
        arguments.put(VariantArgument.ENCODING.argument(), encoding);
        arguments.put(VariantArgument.QUALITY.argument(), quality);
        return of(arguments);
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
        for (VariantArgument argument : VariantArgument.values()) {
            Object value = argument.valueIn(this);
            if (value != null) {
                query.append(query.length() == 0 ? "" : "&").append(argument.argument()).append('=')
                        .append(argument.format(value));
            }
        }
        return query.toString();
    }

    /** Parses what {@link #toQueryString()} writes. */
    public static VariantRequest fromQueryString(String query) {
        Map<String, String[]> arguments = new HashMap<>();
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
}
