package org.imagefactory.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;

import org.imagefactory.core.ContentHash;

/**
 * Where a {@link DirectoryVariantStore} keeps which version of its source a variant was made from: an extended
 * attribute of the variant file ({@code user.imagefactory.source}: the {@link ContentHash} of the source's bytes),
 * set on the temporary file before it is renamed into place, so that a variant never appears without its record,
 * nor with another server's. {@link Freshness} says what the record means; one written by an earlier version of
 * the filter (length and date) never equals a hash, so that variant is made again once.
 */
final class VariantOrigin {

    private static final String NAME = "imagefactory.source";

    private VariantOrigin() {
    }

    /** The user attributes to write the variant with, given the content hash of the source it was made from. */
    static Map<String, String> attributes(String sourceHash) {
        return Map.of(NAME, sourceHash);
    }

    /** The variant's record, or null when it has none or its file system keeps no user attributes. */
    static String recorded(Path variant) {
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
