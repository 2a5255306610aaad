package org.imagefactory.core;

import java.util.Locale;

/**
 * Where a variant lives, relative to a pre-generated root or a runtime cache. The build plugin and the servlet
 * filter both call this, which is what makes a file made at build time a cache hit at run time:
 *
 * <pre>
 * dir/name.ext/x-{x}-y-{y}-{name}.{encoding}             quality 80
 * dir/name.ext/x-{x}-y-{y}-q-{quality}-{name}.{encoding} any other quality
 * </pre>
 *
 * All variants of one source sit in a folder named after the whole source path, so {@code a/cat.jpg} and
 * {@code b/cat.jpg}, or {@code cat.jpg} and {@code cat.png}, never share a file.
 */
public final class CacheNaming {

    private CacheNaming() {
    }

    /** The variant's path relative to a cache root, with {@code /} separators. */
    public static String variantPath(SourcePath source, VariantSpec spec) {
        StringBuilder name = new StringBuilder(source.value()).append('/')
                .append("x-").append(spec.width()).append("-y-").append(spec.height());
        if (spec.explicitQuality()) {
            name.append("-q-").append(spec.quality());
        }
        return name.append('-').append(baseName(source.fileName())).append('.')
                .append(spec.encoding().argument()).toString();
    }

    /** The folder, relative to a cache root, that holds every variant of the source. */
    public static String variantFolder(SourcePath source) {
        return source.value();
    }

    /** File name without its last extension, as the original route's {@code os.path.splitext}. */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The extension of a file name, lower case, without the dot; empty when there is none. */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
