package org.imagefactory.core;

import java.nio.file.Path;

import org.imagefactory.core.store.StoredVariant;
import org.imagefactory.core.store.VariantKey;

/**
 * A variant {@link ImageFactory#variant} answered with: stored, and fresh for its source as it is now.
 *
 * @param key       which variant of which source, and the name it is stored under
 * @param source    what the source's header says (its displayed size, format, frames)
 * @param stored    where the store holds it
 * @param generated whether this call made it; {@code false} when it was found in the store
 * @param timings   where the time went when it was made; {@code null} when it was found
 */
public record Variant(VariantKey key, SourceInfo source, StoredVariant stored, boolean generated, Timings timings) {

    /** A local file with the variant's bytes. */
    public Path file() {
        return stored.file();
    }
}
