package org.imagefactory.filter;

import org.imagefactory.core.store.FileStamp;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Remembers, per raw request (path and query, and for {@code encoding=auto} whether the client takes WebP), the
 * file the full lookup chose, kept open, with its rendered headers, so a repeated request skips argument parsing,
 * the size policy, the signature, the probe and the resolution of the source's real path, and costs one read.
 *
 * <p>A decision is trusted for {@code fileCheckInterval}; then one {@code stat} of the served file and one of the
 * source, links followed, prove it again: a file changed, replaced, deleted or reached through a re-pointed link
 * has another {@link FileStamp}, and the request takes the full lookup. Files this filter writes or evicts are
 * forgotten at once. Whatever is served, its bytes are those of the open file its headers describe. Every entry
 * also takes the full lookup once per {@link #FULL_LOOKUP_NANOS}, for what no stamp shows (a pre-generated file
 * added, without a manifest, next to a cached one).
 */
final class ReplyIndex implements AutoCloseable {

    static final int MAX_ENTRIES = 1_000;
    static final long FULL_LOOKUP_NANOS = 60_000_000_000L;
    private static final String WEBP = "\u0000webp";
    private static final String OTHER = "\u0000other";

    /** A decision of the full lookup. */
    static final class Known {

        /** Stands under a negotiated request's key: the decisions are under the key with the client's choice. */
        private static final Known NEGOTIATED = new Known(null, null, null, null, null, 0);

        private final HttpReplies.Headers headers;
        private final OpenFile file;
        private final Path source;
        private final FileStamp sourceStamp;
        private final ReplyOrigin origin;
        private final long lookedUp;
        private volatile long checked;

        /**
         * @param source      the source as requested (links not resolved): the path whose checks it relied on
         * @param sourceStamp the source's stamp when the decision was made
         * @param lookedUp    {@link System#nanoTime()} before the full lookup read the files
         */
        Known(HttpReplies.Headers headers, OpenFile file, Path source, FileStamp sourceStamp,
              ReplyOrigin origin, long lookedUp) {
            this.headers = headers;
            this.file = file;
            this.source = source;
            this.sourceStamp = sourceStamp;
            this.origin = origin;
            this.lookedUp = lookedUp;
            this.checked = lookedUp;
        }

        HttpReplies.Headers headers() {
            return headers;
        }

        OpenFile file() {
            return file;
        }

        /** Where the remembered file came from, for the statistics. */
        ReplyOrigin origin() {
            return origin;
        }

        /** Whether the decision still holds, checking both files when it was last proven too long ago. */
        boolean holds(long now, long checkNanos) {
            if (now - lookedUp >= FULL_LOOKUP_NANOS) {
                return false;
            }
            if (now - checked < checkNanos) {
                return true;
            }
            if (file.stamp().provenSameAs(FileStamp.read(file.path()))
                    && sourceStamp.provenSameAs(FileStamp.read(source))) {
                checked = now;
                return true;
            }
            return false;
        }

        private void retire() {
            if (file != null) {
                file.release();
            }
        }
    }

    private final ConcurrentHashMap<String, Known> entries = new ConcurrentHashMap<>();
    private final long checkNanos;

    /** @param checkNanos how long a proven decision is trusted before its files are checked again */
    ReplyIndex(long checkNanos) {
        this.checkNanos = checkNanos;
    }

    /** The key of a request: the raw path after the prefix and the raw query. */
    static String key(String rawPath, String query) {
        return query == null ? rawPath : rawPath + '?' + query;
    }

    /**
     * The decision for this request, proven to hold and with a reference on its file that the caller must
     * release, or {@code null} when the request needs the full lookup.
     */
    Known find(String key, HttpServletRequest request) {
        Known known = entries.get(key);
        if (known == Known.NEGOTIATED) {
            key = key + (HttpReplies.acceptsWebp(request) ? WEBP : OTHER);
            known = entries.get(key);
        }
        if (known == null) {
            return null;
        }
        if (!known.holds(System.nanoTime(), checkNanos) || !known.file().acquire()) {
            forget(key, known);
            return null;
        }
        return known;
    }

    /**
     * Remembers what the full lookup served, holding a reference to the file it opened; nothing when the platform
     * gives files no identity.
     *
     * @param negotiation for a negotiated request, whether the client takes WebP
     */
    void remember(String key, Negotiation negotiation, HttpReplies.Headers headers, OpenFile open, Path source,
                  FileStamp sourceStamp, ReplyOrigin origin, long lookedUp) {
        if (open.stamp().identity() == null || sourceStamp.identity() == null || !open.acquire()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            shrink();
        }
        Known known = new Known(headers, open, source, sourceStamp, origin, lookedUp);
        if (negotiation.negotiated()) {
            entries.put(key, Known.NEGOTIATED);
            key = key + (negotiation == Negotiation.WEBP ? WEBP : OTHER);
        }
        Known previous = entries.put(key, known);
        if (previous != null) {
            previous.retire();
        }
    }

    /** Forgets every decision that serves this file: this filter just replaced or deleted it. */
    void forgetFile(Path file) {
        entries.forEach((key, known) -> {
            if (known.file() != null && known.file().path().equals(file)) {
                forget(key, known);
            }
        });
    }

    private void forget(String key, Known known) {
        if (entries.remove(key, known)) {
            known.retire();
        }
    }

    /** Drops about a tenth of the entries, in hash order, which is as good as random here. */
    private void shrink() {
        int drop = Math.max(1, MAX_ENTRIES / 10);
        Iterator<Map.Entry<String, Known>> all = entries.entrySet().iterator();
        while (drop-- > 0 && all.hasNext()) {
            Map.Entry<String, Known> entry = all.next();
            forget(entry.getKey(), entry.getValue());
        }
    }

    /** Closes every file the index holds open. */
    @Override
    public void close() {
        entries.forEach(this::forget);
    }
}
