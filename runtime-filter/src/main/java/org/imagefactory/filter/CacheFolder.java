package org.imagefactory.filter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.imagefactory.core.RealPaths;

/**
 * The runtime cache folder, checked at start-up: eviction deletes files in it, so it must not contain, or sit
 * inside, a folder whose files are not the cache's. Paths are compared once links resolve, so a link cannot hide
 * an overlap.
 */
final class CacheFolder {

    private CacheFolder() {
    }

    /**
     * Creates the cache folder when it can and returns its real path.
     *
     * @param others folders by the parameter that names them; a {@code null} folder is skipped
     * @throws IllegalArgumentException when the cache folder is one of them, inside one or around one
     */
    static Path prepare(Path cacheDir, Map<String, Path> others) {
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            // the handler reports a cache it cannot write on first use and serves around it
        }
        Path cache = RealPaths.of(cacheDir);
        others.forEach((parameter, folder) -> {
            if (folder == null) {
                return;
            }
            Path other = RealPaths.of(folder);
            if (cache.startsWith(other) || other.startsWith(cache)) {
                throw new IllegalArgumentException("cacheDir " + cacheDir + " (" + cache + ") overlaps "
                        + parameter + " " + other + "; eviction deletes files under cacheDir, so set cacheDir to"
                        + " a folder of its own, neither inside nor around " + parameter);
            }
        });
        return cache;
    }
}
