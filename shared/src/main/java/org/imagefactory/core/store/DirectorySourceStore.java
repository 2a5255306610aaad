package org.imagefactory.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.SourceRoot;

/**
 * Sources in a folder, read under the {@link SourceRoot} rule: a path leads to a source only when the file it
 * really leads to is a regular file under the root, in none of its hidden folders, and reached through no link
 * unless links are followed.
 */
public final class DirectorySourceStore implements SourceStore {

    private final SourceRoot root;

    private DirectorySourceStore(SourceRoot root) {
        this.root = root;
    }

    /**
     * The images in a folder, links not followed.
     *
     * @throws IOException when the folder does not exist or is not a folder
     */
    public static DirectorySourceStore of(Path directory) throws IOException {
        return new DirectorySourceStore(SourceRoot.of(directory, false, List.of()));
    }

    /** The images under a root whose rule (links, hidden folders) the caller set. */
    public static DirectorySourceStore of(SourceRoot root) {
        return new DirectorySourceStore(root);
    }

    /** The folder, links resolved. */
    public Path directory() {
        return root.directory();
    }

    /** The path as requested under the root, links not resolved: where a later change of the source shows. */
    public Path requested(SourcePath path) {
        return root.requested(path);
    }

    @Override
    public Optional<Source> find(SourcePath path) {
        Optional<Path> real = root.realPath(path);
        if (real.isEmpty()) {
            return Optional.empty();
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real.get(), BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        return attributes.isRegularFile()
                ? Optional.of(new Source(path, real.get(), FileStamp.of(attributes))) : Optional.empty();
    }

    @Override
    public List<SourcePath> list() throws IOException {
        Path directory = root.directory();
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> !isHidden(directory, file))
                    .filter(file -> Encoding.isImageFileName(file.getFileName().toString()))
                    .map(file -> relative(directory, file))
                    .flatMap(Optional::stream)
                    .filter(path -> find(path).isPresent())
                    .sorted((a, b) -> a.value().compareTo(b.value()))
                    .toList();
        }
    }

    private static boolean isHidden(Path directory, Path file) {
        for (Path name : directory.relativize(file)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<SourcePath> relative(Path directory, Path file) {
        try {
            return Optional.of(SourcePath.relativize(directory, file));
        } catch (ImageFactoryException e) {
            // a name no URL can spell: not a source anyone can ask for
            return Optional.empty();
        }
    }
}
