package org.imagefactory.core.store;

import java.nio.file.Path;

/**
 * A variant as a {@link VariantStore} holds it.
 *
 * @param path  its path relative to the store's root ({@link VariantKey#path()})
 * @param file  a local file with its bytes
 * @param stamp that file's identity, modification time and length when it was found or written
 */
public record StoredVariant(String path, Path file, FileStamp stamp) {

    public long size() {
        return stamp.size();
    }
}
