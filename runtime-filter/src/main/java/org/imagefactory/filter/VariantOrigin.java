package org.imagefactory.filter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;

import org.imagefactory.core.ContentHash;

/**
 * Which version of its source a cached variant was made from, kept in an extended attribute of the variant file
 * ({@code user.imagefactory.source}: the {@link ContentHash} of the source's bytes), set on the temporary file
 * before it is renamed into place, so that a variant never appears without its record, nor with another server's.
 *
 * <p>DESIGN.md's rule, "a cached file older than its source is stale", misses a source replaced by an
 * <em>older</em>-dated file (a war built before the variant was generated and deployed after it, {@code cp -p},
 * {@code rsync -t}, {@code tar x}, a reproducible build's fixed date), and it regenerates for nothing when servers
 * sharing a cache hold their own copies of the sources with their own dates (each unpacked its war). Dates are
 * not a version; bytes are. A variant that carries its origin is fresh exactly while the source's bytes are those
 * it was made from, whatever the source's date. A variant without one (a file system without user extended
 * attributes, a cache written by another tool) is judged by the design's date rule; one recorded by an earlier
 * version of the filter (length and date) is made again once.
 */
final class VariantOrigin {

    private static final String NAME = "imagefactory.source";

    private VariantOrigin() {
    }

    /** The user attributes to write the variant with, given the content hash of the source it was made from. */
    static Map<String, String> attributes(String sourceHash) {
        return Map.of(NAME, sourceHash);
    }

    /**
     * Whether the variant with these attributes was made from the source as it is now; reads the source once per
     * version for its hash ({@link ContentHashes}), and calls a source it cannot read changed.
     */
    static boolean isFresh(Path variant, BasicFileAttributes attributes, SourceFile source, ContentHashes hashes) {
        String recorded = recorded(variant);
        if (recorded == null) {
            return attributes.lastModifiedTime().compareTo(source.modified()) >= 0;
        }
        try {
            return recorded.equals(hashes.of(source));
        } catch (IOException e) {
            return false;
        }
    }

    /** The variant's record, or null when it has none or its file system keeps no user attributes. */
    private static String recorded(Path variant) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(variant, UserDefinedFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            ByteBuffer value = ByteBuffer.allocate(128);
            view.read(NAME, value);
            return StandardCharsets.UTF_8.decode(value.flip()).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
