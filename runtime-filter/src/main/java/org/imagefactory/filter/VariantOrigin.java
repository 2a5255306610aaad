package org.imagefactory.filter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;

/**
 * Which version of its source a cached variant was made from, kept in an extended attribute of the variant file
 * ({@code user.imagefactory.source}: the source's length and modification time when it was read).
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

    /** Records on the variant the source version it was made from; a file system that cannot is left alone. */
    static void record(Path variant, SourceFile source) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(variant, UserDefinedFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            view.write(NAME, StandardCharsets.UTF_8.encode(of(source)));
        } catch (IOException | UnsupportedOperationException e) {
            // No user attributes here (tmpfs before Linux 6.6, some network file systems): the date rule applies.
        }
    }

    /**
     * Whether the variant was made from the source as it is now: {@code TRUE} or {@code FALSE} from its record,
     * or {@code null} when it has none.
     */
    static Boolean matches(Path variant, SourceFile source) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(variant, UserDefinedFileAttributeView.class);
        if (view == null) {
            return null;
        }
        String recorded;
        try {
            ByteBuffer value = ByteBuffer.allocate(128);
            view.read(NAME, value);
            recorded = StandardCharsets.UTF_8.decode(value.flip()).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        return recorded.equals(of(source));
    }

    private static String of(SourceFile source) {
        return source.size() + " " + source.modified();
    }
}
