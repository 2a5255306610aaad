package org.imagefactory.core.store;

import org.imagefactory.core.CacheNaming;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantSpec;

/**
 * Which variant of which source: the name every store files it under, the same for the build plugin, the filter
 * and the command line ({@link CacheNaming}), so a file one made is found by the others.
 *
 * @param source the source's path in its store
 * @param spec   the variant fitted to that source
 */
public record VariantKey(SourcePath source, VariantSpec spec) {

    /** The variant's path relative to a store's root, with {@code /} separators: {@code a/cat.jpg/x-320-y-240-cat.webp}. */
    public String path() {
        return CacheNaming.variantPath(source, spec);
    }

    @Override
    public String toString() {
        return path();
    }
}
