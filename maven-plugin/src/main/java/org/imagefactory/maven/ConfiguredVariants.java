package org.imagefactory.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.VariantArgument;
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
            for (String name : variant.keySet()) {
                if (VariantArgument.named(name).isEmpty()) {
                    throw new MojoExecutionException(element + "<" + name + "> is not a variant argument: expected "
                            + elements());
                }
            }
            VariantRequest request = VariantRequest.ORIGINAL;
            for (VariantArgument argument : VariantArgument.values()) {
                String value = variant.get(argument.argument());
                if (value == null) {
                    continue;
                }
                try {
                    request = argument.parseInto(request, value);
                } catch (ImageFactoryException e) {
                    throw new MojoExecutionException(element + "<" + argument.argument() + ">: " + e.getMessage(), e);
                }
            }
            if (request.isOriginal()) {
                throw new MojoExecutionException(element + " is empty: expected at least one of " + elements()
                        + " (the original file needs no variant)");
            }
            requests.add(request);
        }
        return new ArrayList<>(requests);
    }

    private static String elements() {
        return VariantArgument.names().stream().map(name -> "<" + name + ">").collect(Collectors.joining(", "));
    }
}
