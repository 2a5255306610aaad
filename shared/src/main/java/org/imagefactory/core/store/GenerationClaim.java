package org.imagefactory.core.store;

/**
 * A process's claim to be making one variant, held until closed; see {@link VariantStore#claim}. Closing it
 * twice is harmless.
 */
public interface GenerationClaim extends AutoCloseable {

    @Override
    void close();
}
