package org.imagefactory.maven;

import java.util.TreeMap;

import org.imagefactory.core.VariantArgument;

/**
 * One {@code <variant>} of the POM's {@code <variants>}: child elements named as the URL arguments the filter
 * takes ({@link VariantArgument}: {@code <scalex>}, {@code <scaley>}, {@code <encoding>}, {@code <quality>}), with
 * the same values and meanings, so {@code <scalex>400.5</scalex>} is {@code ?scalex=400.5}. Maven fills a map
 * from whatever child elements there are; the names and values are checked by the core's own table, so an
 * argument added there is accepted here with no change, and a misspelt one fails the build naming the element.
 */
public class Variant extends TreeMap<String, String> {

    private static final long serialVersionUID = 1L;

    public Variant() {
    }

    /** A variant from name and value pairs: {@code Variant.of("scalex", "320", "encoding", "webp")}. */
    public static Variant of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name and value pairs");
        }
        Variant variant = new Variant();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variant.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return variant;
    }
}
