package org.imagefactory.filter;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.imagefactory.core.SourcePath;

/**
 * A source image that exists under the source root, with the attributes read when the request arrived.
 *
 * @param path  the checked path relative to the source root
 * @param file  the file, symbolic links resolved
 * @param stamp its identity, modification time and length
 */
record SourceFile(SourcePath path, Path file, FileStamp stamp) {

    FileTime modified() {
        return stamp.modified();
    }

    long size() {
        return stamp.size();
    }
}
