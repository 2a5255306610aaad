package org.imagefactory.core;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Folder comparisons that a symbolic link cannot fool. The plugin and the filter both refuse folders that hold one
 * another (sources inside outputs, a cache around sources), because they write and delete files in one of them.
 */
public final class RealPaths {

    private RealPaths() {
    }

    /** The real path of the deepest part of {@code path} that exists, followed by the rest as written. */
    public static Path of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException e) {
                // this part does not exist (yet): try its parent
            }
        }
        return absolute;
    }
}
