package org.imagefactory.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A folder of source images and the rule for which files under it may be read, judged by the file a path really
 * leads to: its real path (links resolved) is under the root and in none of the root's hidden folders (a web app's
 * {@code WEB-INF} and {@code META-INF} when the root is the web app itself); and, unless links are followed, no
 * symbolic link lies on the way from the root to the file, which is Tomcat's default for a web app's own files.
 */
public final class SourceRoot {

    private final Path directory;
    private final boolean followLinks;
    private final List<Path> hidden;

    private SourceRoot(Path directory, boolean followLinks, List<Path> hidden) {
        this.directory = directory;
        this.followLinks = followLinks;
        this.hidden = hidden;
    }

    /**
     * @param directory     the folder of source images; its own path may go through links
     * @param followLinks   whether a link under the root may be followed (its target must still obey the rule)
     * @param hiddenFolders folders no source may be read from; only those inside the root matter, so a root that
     *                      is itself inside one (a deliberately private {@code /WEB-INF/pictures}) still works
     * @throws IOException when the directory does not exist or is not a directory
     */
    public static SourceRoot of(Path directory, boolean followLinks, Collection<Path> hiddenFolders)
            throws IOException {
        Path real = directory.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new NotDirectoryException(directory.toString());
        }
        List<Path> hidden = hiddenFolders.stream().map(RealPaths::of)
                .filter(folder -> folder.startsWith(real) && !folder.equals(real)).toList();
        return new SourceRoot(real, followLinks, hidden);
    }

    /** The root, links resolved. */
    public Path directory() {
        return directory;
    }

    /** The path as requested under the root, links not resolved: where a later change of the source shows. */
    public Path requested(SourcePath path) {
        return path.resolveAgainst(directory);
    }

    /** The real path of an existing source the rule lets us read; empty when there is none or it is refused. */
    public Optional<Path> realPath(SourcePath path) {
        Path requested;
        Path real;
        try {
            requested = requested(path);
            real = requested.toRealPath();
        } catch (IOException | InvalidPathException e) {
            // InvalidPathException: a name the server's file-name encoding cannot spell names no file there
            return Optional.empty();
        }
        boolean allowed = followLinks ? real.startsWith(directory) : real.equals(requested);
        if (!allowed || hidden.stream().anyMatch(real::startsWith)) {
            return Optional.empty();
        }
        return Optional.of(real);
    }
}
