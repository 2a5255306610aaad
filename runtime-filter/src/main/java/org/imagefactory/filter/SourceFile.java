package org.imagefactory.filter;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.imagefactory.core.SourcePath;

/**
 * A source image that exists under the source root, with the attributes read when the request arrived.
 *
 * @param path     the checked path relative to the source root
 * @param file     the file, symbolic links resolved
 * @param modified its modification time
 * @param size     its length in bytes
 */
record SourceFile(SourcePath path, Path file, FileTime modified, long size) {
}
