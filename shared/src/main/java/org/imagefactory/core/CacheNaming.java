package org.imagefactory.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a variant lives, relative to a pre-generated root or a runtime cache. The build plugin and the servlet
 * filter both call this, which is what makes a file made at build time a cache hit at run time:
 *
 * <pre>
 * dir/name.ext/x-{x}-y-{y}-{name}.{encoding}             quality 80, fit inside
 * dir/name.ext/x-{x}-y-{y}-q-{quality}-{name}.{encoding} any other quality
 * dir/name.ext/x-{x}-y-{y}-f-cover-g-attention-{name}.{encoding}
 * </pre>
 *
 * <p>An argument at its default has no segment, so every name made before the argument existed stays valid.
 *
 * All variants of one source sit in a folder named after the whole source path, so {@code a/cat.jpg} and
 * {@code b/cat.jpg}, or {@code cat.jpg} and {@code cat.png}, never share a file.
 */
public final class CacheNaming {

    /** The segments before the base name, as {@link #variantPath} writes them, in canonical order. */
    private static final Pattern SEGMENTS = Pattern.compile("x-[1-9][0-9]*-y-[1-9][0-9]*-(?:q-[1-9][0-9]*-)?"
            + "(?:f-(?:" + Arrays.stream(Fit.values()).filter(Fit::fillsBox).map(Fit::argument)
                    .collect(Collectors.joining("|")) + ")-)?"
            + "(?:g-(?:[a-z]+|fp-[01](?:\\.[0-9]{1,3})?-[01](?:\\.[0-9]{1,3})?)-)?");

    private CacheNaming() {
    }

    /**
     * The variant's path relative to a cache root, with {@code /} separators: the source's folder, then each
     * {@link VariantArgument#cacheSegment} in canonical order, the source's base name and the encoding.
     */
    public static String variantPath(SourcePath source, VariantSpec spec) {
        StringBuilder name = new StringBuilder(source.value()).append('/');
        for (VariantArgument argument : VariantArgument.values()) {
            argument.cacheSegment(spec).ifPresent(segment -> name.append(segment).append('-'));
        }
        return name.append(baseName(source.fileName())).append('.').append(spec.encoding().argument()).toString();
    }

    /** The folder, relative to a cache root, that holds every variant of the source. */
    public static String variantFolder(SourcePath source) {
        return source.value();
    }

    /**
     * Whether {@code fileName}, found in a folder named {@code folderName}, is a name {@link #variantPath} gives:
     * the folder is an image file name and the file is {@code x-N-y-N-[q-N-][f-F-][g-G-]<its base name>.<encoding>}.
     * Cache cleaners delete only such files, never anything else that happens to be in a cache folder.
     */
    public static boolean isVariantFileName(String folderName, String fileName) {
        if (!Encoding.isImageFileName(folderName)) {
            return false;
        }
        int dot = fileName.lastIndexOf('.');
        String name = baseName(folderName);
        if (dot < 0 || !Encoding.isEncodingName(fileName.substring(dot + 1))
                || !fileName.startsWith(name, dot - name.length())) {
            return false;
        }
        return SEGMENTS.matcher(fileName.substring(0, dot - name.length())).matches();
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
