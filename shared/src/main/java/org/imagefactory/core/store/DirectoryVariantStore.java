package org.imagefactory.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.imagefactory.core.AtomicFiles;
import org.imagefactory.core.ContentHash;
import org.imagefactory.core.internal.DiskFull;

/**
 * Variants as files under a folder, at their {@link VariantKey#path()}, each recording the source version it was
 * made from ({@link VariantOrigin}). Writes are atomic ({@link AtomicFiles}); with a byte budget the least recently
 * served variants are evicted to stay under it, and to make room when the disk is full. Several processes may
 * share the folder: claims are files beside the variant, created exclusively.
 *
 * <pre>{@code
 * VariantStore cache = DirectoryVariantStore.at(Path.of("/var/cache/pictures")).maxBytes(1L << 30).open();
 * }</pre>
 */
public final class DirectoryVariantStore implements VariantStore {

    private static final String CLAIM_SUFFIX = ".claim";

    private final Path root;
    private final CacheIndex index;
    private final boolean readOnly;
    private final boolean shippedWithSources;

    private DirectoryVariantStore(Path root, CacheIndex index, boolean readOnly, boolean shippedWithSources) {
        this.root = root;
        this.index = index;
        this.readOnly = readOnly;
        this.shippedWithSources = shippedWithSources;
    }

    /** A store with no byte budget: what is published stays until deleted. */
    public static DirectoryVariantStore of(Path root) {
        return at(root).open();
    }

    /** Starts configuring a store over a folder; it need not exist yet. */
    public static Builder at(Path root) {
        return new Builder(root.toAbsolutePath().normalize());
    }

    /** How a {@link DirectoryVariantStore} is set up. */
    public static final class Builder {

        private final Path root;
        private long maxBytes = Long.MAX_VALUE;
        private Consumer<Path> evicted = file -> { };
        private boolean readOnly;
        private boolean shippedWithSources;

        private Builder(Path root) {
            this.root = root;
        }

        /** The budget the least recently served variants are evicted to stay under; unlimited by default. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** Told about each file deleted to keep the store under its budget. */
        public Builder onEvicted(Consumer<Path> listener) {
            this.evicted = listener;
            return this;
        }

        /**
         * A folder another tool wrote, such as a build's pre-generated variants: only found, never scanned,
         * trimmed or cleaned at open; publishing, deleting and claiming fail.
         */
        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        /**
         * The variants were built together with their sources and ship in the same archive: every one is fresh
         * whatever the files' dates say ({@link Freshness#SHIPPED_WITH_SOURCES}).
         */
        public Builder shippedWithSources(boolean shipped) {
            this.shippedWithSources = shipped;
            return this;
        }

        /**
         * The store, with what an earlier run left in the folder counted (oldest first) and trimmed to the budget,
         * and the temporaries a crash left deleted.
         */
        public DirectoryVariantStore open() {
            CacheIndex index = new CacheIndex(root, maxBytes, evicted);
            if (!readOnly) {
                index.load();
            }
            return new DirectoryVariantStore(root, index, readOnly, shippedWithSources);
        }
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** The bytes of the variants the store counts against its budget. */
    public long totalBytes() {
        return index.totalBytes();
    }

    @Override
    public Optional<StoredVariant> find(VariantKey key, Source source) {
        Path file = root.resolve(key.path());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        String recorded = shippedWithSources ? Freshness.SHIPPED_WITH_SOURCES : VariantOrigin.recorded(file);
        if (!attributes.isRegularFile() || !Freshness.isFresh(recorded, attributes.lastModifiedTime(), source)) {
            return Optional.empty();
        }
        return Optional.of(new StoredVariant(key.path(), file, FileStamp.of(attributes)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the disk is full, the least recently served variants are evicted (twice the variant's size, so the
     * next write finds room too) and the write is tried once more; a disk filled by others, or by files this store
     * does not know, stays full.
     */
    @Override
    public StoredVariant publish(VariantKey key, String sourceVersion, byte[] data) throws IOException {
        checkWritable();
        Path file = root.resolve(key.path());
        Map<String, String> origin = sourceVersion == null ? Map.of()
                : VariantOrigin.attributes(sourceVersion);
        try {
            AtomicFiles.write(file, data, origin);
        } catch (IOException e) {
            if (!DiskFull.caused(e, root, data.length) || !index.makeRoom(2L * data.length)) {
                throw e;
            }
            AtomicFiles.write(file, data, origin);
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        index.written(file, attributes.size());
        FileStamp stamp = FileStamp.of(attributes);
        ContentHashes.SHARED.remember(file, stamp, ContentHash.of(data));
        return new StoredVariant(key.path(), file, stamp);
    }

    @Override
    public List<StoredVariant> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredVariant> variants = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> index.isCacheFile(file) && !AtomicFiles.isTemporary(file)).forEach(file -> {
                FileStamp stamp = FileStamp.read(file);
                if (stamp != null) {
                    variants.add(new StoredVariant(root.relativize(file).toString().replace('\\', '/'), file,
                            stamp));
                }
            });
        }
        return variants;
    }

    @Override
    public boolean delete(String path) throws IOException {
        checkWritable();
        Path file = root.resolve(path).normalize();
        if (!index.isCacheFile(file)) {
            return false;
        }
        return Files.deleteIfExists(file);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The claim is a file {@code .<variant name>.claim} beside the variant, created exclusively, so servers
     * sharing the folder (over NFS, say) see each other's.
     */
    @Override
    public Optional<GenerationClaim> claim(VariantKey key, Duration expected) throws IOException {
        checkWritable();
        Path variant = root.resolve(key.path());
        Path claim = variant.resolveSibling("." + variant.getFileName() + CLAIM_SUFFIX);
        Files.createDirectories(claim.getParent());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.write(claim, (ProcessHandle.current().pid() + " " + Instant.now() + "\n")
                        .getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
                AtomicBoolean released = new AtomicBoolean();
                return Optional.of(() -> {
                    if (released.compareAndSet(false, true)) {
                        try {
                            Files.deleteIfExists(claim);
                        } catch (IOException e) {
                            // it expires: another process takes it over after `expected`
                        }
                    }
                });
            } catch (FileAlreadyExistsException e) {
                FileTime made;
                try {
                    made = Files.getLastModifiedTime(claim);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (made.toInstant().plus(expected).isAfter(Instant.now())) {
                    return Optional.empty();
                }
                Files.deleteIfExists(claim);
            }
        }
        return Optional.empty();
    }

    private void checkWritable() throws IOException {
        if (readOnly) {
            throw new IOException("the variant store " + root + " is read-only");
        }
    }

    @Override
    public void served(StoredVariant variant) {
        served(variant.file(), variant.size());
    }

    /** Records that the variant in this file was served, adding it when another host or an earlier run wrote it. */
    public void served(Path file, long size) {
        index.served(file, size);
    }
}
