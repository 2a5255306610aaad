package org.imagefactory.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.maven.plugin.MojoExecutionException;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.VariantRequest;

/**
 * Turns the POM's {@code <variants>} into core requests, parsed exactly like URL arguments; a bad value is
 * reported with the element's path ({@code <variants><variant>[2]<encoding>}, counting from 1) and what the core
 * expected.
 */
final class ConfiguredVariants {

    private ConfiguredVariants() {
    }

    /** The distinct requests, in POM order; duplicates would only name the same files twice. */
    static List<VariantRequest> parse(List<Variant> variants) throws MojoExecutionException {
        Set<VariantRequest> requests = new LinkedHashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i) == null ? new Variant() : variants.get(i);
            String element = "<variants><variant>[" + (i + 1) + "]";
            check(element, VariantRequest.SCALEX, variant.getScalex(), v -> VariantRequest.of(v, null, null, null));
            check(element, VariantRequest.SCALEY, variant.getScaley(), v -> VariantRequest.of(null, v, null, null));
            check(element, VariantRequest.ENCODING, variant.getEncoding(), v -> VariantRequest.of(null, null, v, null));
            check(element, VariantRequest.QUALITY, variant.getQuality(), v -> VariantRequest.of(null, null, null, v));
            VariantRequest request = VariantRequest.of(variant.getScalex(), variant.getScaley(), variant.getEncoding(),
                    variant.getQuality());
            if (request.isOriginal()) {
                throw new MojoExecutionException(element + " is empty: expected at least one of <scalex>, <scaley>,"
                        + " <encoding>, <quality> (the original file needs no variant)");
            }
            requests.add(request);
        }
        return new ArrayList<>(requests);
    }

    private static void check(String element, String name, String value, Function<String, VariantRequest> parse)
            throws MojoExecutionException {
        if (value == null) {
            return;
        }
        try {
            parse.apply(value);
        } catch (ImageFactoryException e) {
            throw new MojoExecutionException(element + "<" + name + ">: " + e.getMessage(), e);
        }
    }
}
