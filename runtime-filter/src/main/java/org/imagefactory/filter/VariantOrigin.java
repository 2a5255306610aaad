package org.imagefactory.filter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;

/**
 * Which version of its source a cached variant was made from, kept in an extended attribute of the variant file
 * ({@code user.imagefactory.source}: the source's length and modification time when it was read), set on the
 * temporary file before it is renamed into place, so that a variant never appears without its record, nor with
 * another server's.
 *
 * <p>DESIGN.md's rule, "a cached file older than its source is stale", misses a source replaced by an
 * <em>older</em>-dated file: a war built before the variant was generated and deployed after it, a copy that keeps
 * dates ({@code cp -p}, {@code rsync -t}, {@code tar x}), a reproducible build that stamps every file with one
 * fixed date. The variant would then be served forever. A variant that carries its origin is fresh only while
 * the source still has that length and date, whichever way the date moved. A variant without one (a file
 * system without user extended attributes, a cache written by an older version or by another tool) is judged
 * by the design's date rule.
 */
final class VariantOrigin {

    private static final String NAME = "imagefactory.source";

    private VariantOrigin() {
    }

    /** The user attributes to write the variant with: {@code AtomicFiles.write(variant, data, attributes(source))}. */
    static Map<String, String> attributes(SourceFile source) {
        return Map.of(NAME, of(source));
    }

    /** Whether the variant with these attributes was made from the source as it is now. */
    static boolean isFresh(Path variant, BasicFileAttributes attributes, SourceFile source) {
        String recorded = recorded(variant);
        if (recorded != null) {
            return recorded.equals(of(source));
        }
        return attributes.lastModifiedTime().compareTo(source.modified()) >= 0;
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

    private static String of(SourceFile source) {
        return source.size() + " " + source.modified();
    }
}
