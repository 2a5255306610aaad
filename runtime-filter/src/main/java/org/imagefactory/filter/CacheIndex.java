package org.imagefactory.filter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.imagefactory.core.AtomicFiles;

/**
 * Keeps the runtime cache under {@code cacheMaxBytes} by deleting the least recently served variants. It knows
 * the files this instance served or wrote, plus those found at start-up (ordered by age); a file another host
 * wrote into a shared cache joins the index when it is first served here.
 */
final class CacheIndex {

    private static final System.Logger LOG = System.getLogger(CacheIndex.class.getName());

    private final long maxBytes;
    private final LinkedHashMap<Path, Long> sizes = new LinkedHashMap<>(256, 0.75f, true);
    private long totalBytes;

    CacheIndex(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Indexes what an earlier run left in the cache, oldest first, and trims it to the cap. */
    void load(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Map.Entry<Path, BasicFileAttributes>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> !AtomicFiles.isTemporary(file)).forEach(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        found.add(Map.entry(file, attributes));
                    }
                } catch (IOException e) {
                    // removed while we walked: nothing to index
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

    synchronized long totalBytes() {
        return totalBytes;
    }

    private void put(Path file, long size) {
        Long previous = sizes.put(file, size);
        totalBytes += size - (previous == null ? 0 : previous);
    }

    private void evict(Path keep) {
        Iterator<Map.Entry<Path, Long>> oldest = sizes.entrySet().iterator();
        while (totalBytes > maxBytes && oldest.hasNext()) {
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
        }
    }
}
