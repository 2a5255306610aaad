package org.imagefactory.filter;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;

/**
 * Remembers what each source's header said, keyed by path and checked against the file's modification time and
 * size, so a cache hit costs a {@code stat} rather than a read of the source. A refusal (corrupt, too large) is
 * remembered as well, so a bad file is read and logged once, not on every request.
 */
final class ProbeCache {

    private static final int MAX_ENTRIES = 10_000;
    private static final System.Logger LOG = System.getLogger(ProbeCache.class.getName());

    private record Entry(FileTime modified, long size, SourceInfo info, ImageFactoryException refusal) {
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
    SourceInfo probe(SourceFile source) throws IOException {
        Entry entry = entries.get(source.file());
        if (entry == null || !entry.modified().equals(source.modified()) || entry.size() != source.size()) {
            entry = read(source);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(source.file(), entry);
        }
        if (entry.refusal() != null) {
            throw entry.refusal();
        }
        return entry.info();
    }

    /** Remembers that decoding failed, so the source is refused without decoding until it changes. */
    void refuse(SourceFile source, ImageFactoryException refusal) {
        entries.put(source.file(), new Entry(source.modified(), source.size(), null, refusal));
    }

    private Entry read(SourceFile source) throws IOException {
        try {
            return new Entry(source.modified(), source.size(), pipeline.probe(source.file()), null);
        } catch (ImageFactoryException e) {
            LOG.log(System.Logger.Level.WARNING, "imagefactory: refusing " + e.getMessage());
            return new Entry(source.modified(), source.size(), null, e);
        }
    }
}
