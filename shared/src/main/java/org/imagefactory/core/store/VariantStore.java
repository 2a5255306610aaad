package org.imagefactory.core.store;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where variants live: found by {@link VariantKey}, judged by the one {@link Freshness} rule, published
 * atomically, listed and evicted. A directory ({@link DirectoryVariantStore}) today; object storage is another
 * implementation of the same calls. Implementations are safe for concurrent use, also by other processes
 * sharing the same store.
 */
public interface VariantStore {

    /** The variant, when the store holds one that is fresh for the source as it is now. */
    Optional<StoredVariant> find(VariantKey key, Source source) throws IOException;

    /**
     * Stores a variant so that readers see either no file or the whole of it, never a part, recorded with the
     * version of the source it was made from.
     *
     * @param sourceVersion the {@link Source#version()} read <em>before</em> the source was decoded (should the
     *                      source change meanwhile, the variant is judged stale rather than kept under a newer
     *                      record), or {@code null} when it could not be read: the variant is then judged by dates
     * @throws IOException when the store cannot take it; nothing is left half-written
     */
    StoredVariant publish(VariantKey key, String sourceVersion, byte[] data) throws IOException;

    /** Every variant the store holds, in no particular order. */
    List<StoredVariant> list() throws IOException;

    /** Deletes a variant; {@code false} when there was none. */
    boolean delete(String path) throws IOException;

    /**
     * Tells every process sharing the store that this one is making the variant, so the others wait for it
     * instead of making it too.
     *
     * @param expected how long making it may take; a claim older than that was abandoned and is taken over
     * @return the claim, to close once the variant is published (or has failed); empty when another process
     *         holds a claim on it that has not expired
     */
    Optional<GenerationClaim> claim(VariantKey key, Duration expected) throws IOException;

    /** Records that a stored variant was served, for stores that evict the least recently served first. */
    default void served(StoredVariant variant) {
    }
}
