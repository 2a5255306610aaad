package org.imagefactory.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * One version of one file: its identity on the file system (device and inode where the platform reports them),
 * modification time and length. A file replaced by an atomic move, or a path whose symbolic links now lead to
 * another file, has another stamp even when the date and length happen to match.
 *
 * @param identity the platform's file key, or {@code null} where it has none
 */
public record FileStamp(Object identity, FileTime modified, long size) {

    public static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    }

    /** The stamp of the regular file the path leads to now, links followed, or {@code null} when there is none. */
    public static FileStamp read(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
        return attributes.isRegularFile() ? of(attributes) : null;
    }

    /** Whether a later stamp proves it is the same file: only when the platform gives files an identity. */
    public boolean provenSameAs(FileStamp later) {
        return identity != null && equals(later);
    }

    public long lastModifiedMillis() {
        return modified.toMillis();
    }
}
