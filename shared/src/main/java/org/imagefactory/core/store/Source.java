package org.imagefactory.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

import org.imagefactory.core.SourcePath;

/**
 * One version of a source image, as a {@link SourceStore} found it: its path in the store (what URLs and cache
 * names say), a local file holding its bytes (the decoders read files), and the stamp of that file when it was
 * found. Its {@linkplain #version() version} is the hash of its bytes, which is what a stored variant records and
 * the freshness rule compares: dates are not a version, bytes are.
 */
public final class Source {

    private final SourcePath path;
    private final Path file;
    private final FileStamp stamp;
    private final String knownVersion;

    /**
     * @param path  the checked path relative to the store
     * @param file  the local file, symbolic links resolved
     * @param stamp its identity, modification time and length when it was looked up
     */
    public Source(SourcePath path, Path file, FileStamp stamp) {
        this(path, file, stamp, null);
    }

    private Source(SourcePath path, Path file, FileStamp stamp, String knownVersion) {
        this.path = Objects.requireNonNull(path);
        this.file = Objects.requireNonNull(file);
        this.stamp = Objects.requireNonNull(stamp);
        this.knownVersion = knownVersion;
    }

    /**
     * The same source, whose version the caller already knows, so {@link #version()} reads nothing: for a caller
     * that recorded the hash of this file when it last read it and holds the file unchanged since (the build
     * plugin's state, trusted while the file's length and date are the ones recorded).
     *
     * @param version the {@link org.imagefactory.core.ContentHash} of the source's bytes
     */
    public Source withVersion(String version) {
        return new Source(path, file, stamp, Objects.requireNonNull(version));
    }

    public SourcePath path() {
        return path;
    }

    public Path file() {
        return file;
    }

    public FileStamp stamp() {
        return stamp;
    }

    public FileTime modified() {
        return stamp.modified();
    }

    public long size() {
        return stamp.size();
    }

    /**
     * The {@link org.imagefactory.core.ContentHash} of the source's bytes, read once per version and remembered;
     * the one given to {@link #withVersion} without reading.
     *
     * @throws IOException when it cannot be read, or is another version by the time it is opened
     */
    public String version() throws IOException {
        return knownVersion != null ? knownVersion : ContentHashes.SHARED.of(this);
    }

    @Override
    public String toString() {
        return path.value();
    }
}
