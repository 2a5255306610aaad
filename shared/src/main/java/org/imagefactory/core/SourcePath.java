package org.imagefactory.core;

import java.nio.file.Path;

/**
 * A source image's path relative to a source root, checked so that it can never name anything outside it:
 * not absolute, no {@code .} or {@code ..} segment, no empty segment, no backslash, no NUL or control
 * character. Separators are always {@code /}.
 */
public final class SourcePath {

    private final String value;

    private SourcePath(String value) {
        this.value = value;
    }

    /** Checks a relative path as given (already URL-decoded once). */
    public static SourcePath of(String relativePath) {
        if (relativePath == null || relativePath.isEmpty()) {
            throw refused(relativePath, "it is empty");
        }
        if (relativePath.startsWith("/")) {
            throw refused(relativePath, "it is absolute");
        }
        for (int i = 0; i < relativePath.length(); i++) {
            char c = relativePath.charAt(i);
            if (c == '\\') {
                throw refused(relativePath, "it contains a backslash");
            }
            if (c < 0x20 || c == 0x7f) {
                throw refused(relativePath, "it contains a control character");
            }
            if (c == ':' && i == 1) {
                throw refused(relativePath, "it looks like a drive letter");
            }
        }
        for (String segment : relativePath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refused(relativePath, "it has an empty, '.' or '..' segment");
            }
        }
        return new SourcePath(relativePath);
    }

    /** The relative path of a file found under a root, as the build plugin and the CLI walk folders. */
    public static SourcePath relativize(Path root, Path file) {
        StringBuilder joined = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (joined.length() > 0) {
                joined.append('/');
            }
            joined.append(part);
        }
        return of(joined.toString());
    }

    public String value() {
        return value;
    }

    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /** Resolves against a root; safe because the path was checked when made. */
    public Path resolveAgainst(Path root) {
        return root.resolve(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourcePath that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    private static ImageFactoryException refused(String path, String why) {
        return new ImageFactoryException(ImageFactoryException.Failure.INVALID_ARGUMENT,
                "invalid source path '" + (path == null ? "" : path.replaceAll("\\p{Cntrl}", "?")) + "': " + why);
    }
}
