package org.imagefactory.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.imagefactory.core.AtomicFiles;
import org.imagefactory.core.CacheNaming;

/**
 * Keeps the runtime cache under {@code cacheMaxBytes}, and makes room when the disk is full, by deleting the least
 * recently served variants. It knows the files this instance served or wrote, plus those found at start-up
 * (ordered by age); a file another host wrote into a shared cache joins the index when it is first served here.
 * It counts and evicts only variants as {@link CacheNaming} names them, so a misplaced cache folder never costs
 * anyone a file they put there, and deletes {@link AtomicFiles} temporaries only once they are
 * {@linkplain AtomicFiles#isAbandoned abandoned}: a younger one may be another server's write in flight.
 */
final class CacheIndex {

    private static final System.Logger LOG = System.getLogger(CacheIndex.class.getName());

    private final Path root;
    private final long maxBytes;
    private final Consumer<Path> evicted;
    private final LinkedHashMap<Path, Long> sizes = new LinkedHashMap<>(256, 0.75f, true);
    private long totalBytes;

    /** @param evicted told about each file deleted to keep the cache under its cap */
    CacheIndex(Path root, long maxBytes, Consumer<Path> evicted) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.evicted = evicted;
    }

    /**
     * Indexes what an earlier run left in the cache, oldest first, trims it to the cap, and deletes the
     * temporaries a crash left.
     */
    void load() {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Map.Entry<Path, BasicFileAttributes>> found = new ArrayList<>();
        Instant now = Instant.now();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(this::isCacheFile).forEach(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (!attributes.isRegularFile()) {
                        return;
                    }
                    if (!AtomicFiles.isTemporary(file)) {
                        found.add(Map.entry(file, attributes));
                    } else if (AtomicFiles.isAbandoned(file, attributes.lastModifiedTime(), now)) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // removed while we walked, or not ours to delete: nothing to index
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "imagefactory: cannot scan the cache folder " + root
                    + " (" + e + "); files already there are not counted against cacheMaxBytes");
            return;
        }
        found.sort(Comparator.comparing(entry -> entry.getValue().lastModifiedTime()));
        synchronized (this) {
            found.forEach(entry -> put(entry.getKey(), entry.getValue().size()));
            evict(null);
        }
    }

    /** Records that a cached file was served, adding it when another host or an earlier run wrote it. */
    synchronized void served(Path file, long size) {
        if (sizes.get(file) == null) {
            put(file, size);
            evict(file);
        }
    }

    /** Records a file just written, then deletes least recently served files until the cache fits again. */
    synchronized void written(Path file, long size) {
        put(file, size);
        evict(file);
    }

    /**
     * Deletes least recently served variants until {@code bytes} are freed, for a write the disk had no room for.
     *
     * @return whether anything was freed
     */
    synchronized boolean makeRoom(long bytes) {
        long before = totalBytes;
        evict(totalBytes - bytes, null);
        return totalBytes < before;
    }

    synchronized long totalBytes() {
        return totalBytes;
    }

    /** Whether the cache wrote this file: a variant in its source's folder, or a temporary. */
    boolean isCacheFile(Path file) {
        if (!file.startsWith(root) || file.getNameCount() < root.getNameCount() + 2) {
            return false;
        }
        if (AtomicFiles.isTemporary(file)) {
            return true;
        }
        return CacheNaming.isVariantFileName(file.getParent().getFileName().toString(),
                file.getFileName().toString());
    }

    private void put(Path file, long size) {
        if (!isCacheFile(file) || AtomicFiles.isTemporary(file)) {
            return;
        }
        Long previous = sizes.put(file, size);
        totalBytes += size - (previous == null ? 0 : previous);
    }

    private void evict(Path keep) {
        evict(maxBytes, keep);
    }

    /** Deletes the least recently served files, except {@code keep}, until the cache holds at most {@code cap}. */
    private void evict(long cap, Path keep) {
        Iterator<Map.Entry<Path, Long>> oldest = sizes.entrySet().iterator();
        while (totalBytes > cap && oldest.hasNext()) {
            Map.Entry<Path, Long> entry = oldest.next();
            if (entry.getKey().equals(keep)) {
                continue;
            }
            try {
                Files.delete(entry.getKey());
            } catch (NoSuchFileException e) {
                // already gone: only the count was stale
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "imagefactory: cannot evict " + entry.getKey() + ": " + e);
                continue;
            }
            totalBytes -= entry.getValue();
            oldest.remove();
            evicted.accept(entry.getKey());
        }
    }
}
