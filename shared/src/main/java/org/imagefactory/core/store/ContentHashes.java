package org.imagefactory.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

import org.imagefactory.core.ContentHash;

/**
 * The {@link ContentHash} of each file version this filter served or judged, remembered per path and
 * {@link FileStamp}, so a file is read for its hash once per version, not once per request: a 10 MB source costs
 * one read of a few tens of milliseconds when it first appears or changes, and nothing after. The hash, not the
 * file's date, is what entity tags and a variant's recorded source version say, so two servers whose copies of a
 * file differ only in date agree on both.
 */
public final class ContentHashes {

    /** The one memo of a JVM: keyed by file and version, so every store and filter instance may share it. */
    public static final ContentHashes SHARED = new ContentHashes();

    /** A memo of its own, for a caller that must not share one (tests counting reads). */
    public ContentHashes() {
    }

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(FileStamp stamp, String hash) {
    }

    /** Reads the bytes of the version to hash. */
    @FunctionalInterface
    public interface Reading {
        String hash() throws IOException;
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The hash of the version with this stamp under this key, read once. */
    public String of(String key, FileStamp stamp, Reading reading) throws IOException {
        Entry entry = entries.get(key);
        if (entry != null && entry.stamp().equals(stamp)) {
            return entry.hash();
        }
        String hash = reading.hash();
        remember(key, stamp, hash);
        return hash;
    }

    /** The hash of a file opened as the version with this stamp. */
    public String of(Path file, FileStamp stamp, FileChannel open) throws IOException {
        return of(file.toString(), stamp, () -> ContentHash.of(open));
    }

    /**
     * The hash of the source as its stamp describes it.
     *
     * @throws IOException when it cannot be read, or is another version by the time it is opened
     */
    public String of(Source source) throws IOException {
        return of(source.file().toString(), source.stamp(), () -> {
            try (FileChannel channel = FileChannel.open(source.file())) {
                if (!source.stamp().equals(FileStamp.read(source.file()))) {
                    throw new IOException(source.file() + " changed since it was looked up");
                }
                return ContentHash.of(channel);
            }
        });
    }

    /** Remembers the hash of a file this filter just wrote, from the bytes it wrote. */
    public void remember(Path file, FileStamp stamp, String hash) {
        remember(file.toString(), stamp, hash);
    }

    private void remember(String key, FileStamp stamp, String hash) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(stamp, hash));
    }
}
