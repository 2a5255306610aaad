package org.imagefactory.filter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.store.FileStamp;
import org.imagefactory.core.store.Source;

/**
 * Remembers what each source's header said, keyed by path and checked against the file's version (its
 * {@link FileStamp}), so a cache hit costs a {@code stat} rather than a read of the source. Failures are
 * remembered as well, so a bad file costs one read and one log line, not one a request: a refusal of the file
 * itself (unsupported, corrupt, too large) until the file changes; a generation abandoned past its deadline for
 * {@link #SLOW_SOURCE_MEMORY} (or until the file changes), and only for new generations, since the source's
 * cached and pre-generated variants are still good and on a less busy server it may succeed.
 */
final class ProbeCache {

    /** How long a source whose generation ran past its deadline is refused new generations without trying. */
    static final Duration SLOW_SOURCE_MEMORY = Duration.ofSeconds(60);

    private static final int MAX_ENTRIES = 10_000;
    private static final System.Logger LOG = System.getLogger(ProbeCache.class.getName());

    /**
     * @param refusal   why the source is refused, or {@code null} when {@code info} is its header
     * @param slow      the last generation's deadline failure, or {@code null}
     * @param slowUntil {@link System#nanoTime} until which {@code slow} holds
     */
    private record Entry(FileStamp stamp, SourceInfo info, ImageFactoryException refusal,
                         ImageFactoryException slow, long slowUntil) {

        boolean remembersSlow() {
            return slow != null && System.nanoTime() - slowUntil < 0;
        }
    }

    private final ResizePipeline pipeline;
    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();

    ProbeCache(ResizePipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * The source's header, from memory when the file has not changed.
     *
     * @throws ImageFactoryException when the source is not an image we read, is corrupt or is over the limit
     */
    SourceInfo probe(Source source) throws IOException {
        Entry entry = current(source);
        if (entry == null) {
            entry = read(source);
            remember(source, entry);
        }
        if (entry.refusal() != null) {
            throw entry.refusal();
        }
        return entry.info();
    }

    /**
     * Refuses a new generation from this version of the source while its last one is remembered as abandoned.
     *
     * @throws ImageFactoryException with {@link ImageFactoryException.Failure#TOO_SLOW}
     */
    void checkNotSlow(Source source) {
        Entry entry = current(source);
        if (entry != null && entry.remembersSlow()) {
            throw entry.slow();
        }
    }

    /**
     * Remembers that generating from this version of the source failed, so it is refused without decoding: until
     * it changes, or for {@link #SLOW_SOURCE_MEMORY} when the generation was abandoned past its deadline.
     */
    void refuse(Source source, SourceInfo info, ImageFactoryException failure) {
        remember(source, failure.failure() == ImageFactoryException.Failure.TOO_SLOW
                ? new Entry(source.stamp(), info, null, failure, System.nanoTime() + SLOW_SOURCE_MEMORY.toNanos())
                : new Entry(source.stamp(), null, failure, null, 0));
    }

    private Entry current(Source source) {
        Entry entry = entries.get(source.file());
        return entry != null && entry.stamp().equals(source.stamp()) ? entry : null;
    }

    private void remember(Source source, Entry entry) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(source.file(), entry);
    }

    private Entry read(Source source) throws IOException {
        try {
            return new Entry(source.stamp(), pipeline.probe(source.file()), null, null, 0);
        } catch (ImageFactoryException e) {
            LOG.log(System.Logger.Level.WARNING, "imagefactory: refusing " + e.getMessage());
            return new Entry(source.stamp(), null, e, null, 0);
        }
    }
}
