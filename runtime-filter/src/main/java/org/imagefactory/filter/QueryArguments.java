package org.imagefactory.filter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imagefactory.core.VariantRequest;

/**
 * The picture arguments, read from the query string alone. A container's parameter map may also hold form fields
 * from a request body (some read them for a GET), which the cache key, made of path and query, does not see: a
 * body could then put one variant's bytes under another URL's key.
 */
final class QueryArguments {

    private static final Set<String> NAMES = Set.of(VariantRequest.SCALEX, VariantRequest.SCALEY,
            VariantRequest.ENCODING, VariantRequest.QUALITY, UrlSigner.SIG);

    private QueryArguments() {
    }

    /**
     * The picture arguments of a raw query ({@code null} when there is none), decoded as UTF-8 form fields;
     * other arguments are left out.
     *
     * @throws HttpFailure 400 when an argument has a malformed {@code %} escape
     */
    static Map<String, String[]> parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), pair);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), pair);
                if (NAMES.contains(name)) {
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
        }
        Map<String, String[]> arguments = new LinkedHashMap<>();
        values.forEach((name, list) -> arguments.put(name, list.toArray(String[]::new)));
        return arguments;
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
