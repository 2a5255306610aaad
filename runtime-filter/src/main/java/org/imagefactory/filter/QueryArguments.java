package org.imagefactory.filter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.imagefactory.core.VariantArgument;

/**
 * The picture arguments, read from the query string alone. A container's parameter map may also hold form fields
 * from a request body (some read them for a GET), which the cache key, made of path and query, does not see: a
 * body could then put one variant's bytes under another URL's key. Only our own arguments must be well-formed:
 * what a page adds for others ({@code utm_content=50%off}) is not ours to judge.
 */
final class QueryArguments {

    private static final Set<String> NAMES = Stream.concat(VariantArgument.names().stream(), Stream.of(UrlSigner.SIG))
            .collect(Collectors.toUnmodifiableSet());

    private QueryArguments() {
    }

    /**
     * The picture arguments of a raw query ({@code null} when there is none), decoded as UTF-8 form fields;
     * other arguments are left out, whatever their spelling.
     *
     * @throws HttpFailure 400 when one of our arguments has a malformed {@code %} escape
     */
    static Map<String, String[]> parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = name(equals < 0 ? pair : pair.substring(0, equals));
                if (name != null && NAMES.contains(name)) {
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1), pair);
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
        }
        Map<String, String[]> arguments = new LinkedHashMap<>();
        values.forEach((name, list) -> arguments.put(name, list.toArray(String[]::new)));
        return arguments;
    }

    /** The decoded name, or {@code null} for one whose escapes are malformed: no such name is one of ours. */
    private static String name(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String text, String pair) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpFailure(400, "malformed escape in the query argument '" + pair + "': expected % followed"
                    + " by two hexadecimal digits");
        }
    }
}
