package org.imagefactory.core.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.imagefactory.core.AtomicFiles;
import org.imagefactory.core.Encoding;

/**
 * Picks the source images under a folder with Ant-style include and exclude patterns, as Maven users write them
 * ({@code **}{@code /*.jpg}, {@code thumbs/**}). Patterns are matched against the path relative to the folder with
 * {@code /} separators and ignore letter case, because cameras write {@code IMG_0001.JPG}.
 */
public final class SourceSelector {

    /** Every extension of a format the core reads. */
    public static final List<String> DEFAULT_INCLUDES =
            Encoding.READ_EXTENSIONS.stream().map(extension -> "**/*." + extension).toList();

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    private SourceSelector(List<Pattern> includes, List<Pattern> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** A selector; {@code null} or empty includes mean {@link #DEFAULT_INCLUDES}. */
    public static SourceSelector of(List<String> includes, List<String> excludes) {
        List<String> included = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
        List<String> excluded = excludes == null ? List.of() : excludes;
        return new SourceSelector(included.stream().map(SourceSelector::compile).toList(),
                excluded.stream().map(SourceSelector::compile).toList());
    }

    /** Whether a path relative to the source folder, with {@code /} separators, is selected. */
    public boolean matches(String relativePath) {
        return includes.stream().anyMatch(p -> p.matcher(relativePath).matches())
                && excludes.stream().noneMatch(p -> p.matcher(relativePath).matches());
    }

    /**
     * The selected regular files under {@code root}, sorted, leaving out our own temporary files and anything
     * under {@code skip} (an output folder placed inside the sources must never feed itself).
     */
    public List<Path> scan(Path root, Path skip) throws IOException {
        return select(root, skip).selected();
    }

    /**
     * Like {@link #scan}, and also the files the patterns left out, so that a caller can say which files it did not
     * read instead of passing over them without a word.
     */
    public Selection select(Path root, Path skip) throws IOException {
        Path skipped = skip == null ? null : skip.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(base)) {
            Map<Boolean, List<Path>> split = files.filter(Files::isRegularFile)
                    .filter(file -> skipped == null || !file.startsWith(skipped))
                    .filter(file -> !AtomicFiles.isTemporary(file))
                    .sorted()
                    .collect(Collectors.partitioningBy(file -> matches(relative(base, file))));
            return new Selection(split.get(true), split.get(false));
        }
    }

    /** The files of one scan: those the patterns select and those they leave out, each sorted. */
    public record Selection(List<Path> selected, List<Path> leftOut) {
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Ant semantics: {@code **} spans folders, {@code *} and {@code ?} stay within one, a trailing / means /**. */
    static Pattern compile(String antPattern) {
        String pattern = antPattern.trim().replace('\\', '/');
        while (pattern.startsWith("/")) {
            pattern = pattern.substring(1);
        }
        if (pattern.endsWith("/")) {
            pattern += "**";
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else {
                char c = pattern.charAt(i++);
                switch (c) {
                    case '*' -> regex.append("[^/]*");
                    case '?' -> regex.append("[^/]");
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
