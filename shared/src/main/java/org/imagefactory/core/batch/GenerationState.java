package org.imagefactory.core.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagefactory.core.AtomicFiles;

/**
 * What the previous run generated, kept outside the output (under the build folder) so a packaged web app never
 * ships it: for each source and variant fingerprint, the output file and the source's size and modification time
 * at the moment it was read. It is a cache: a missing or unreadable state only means everything is redone.
 */
public final class GenerationState {

    private static final String HEADER = "# imagefactory generation state 1";

    /**
     * One generated output.
     *
     * @param source         source path relative to the source folder
     * @param fingerprint    the {@link VariantFingerprint} it was made under
     * @param output         output path relative to the output folder
     * @param sourceSize     the source's size in bytes when it was read
     * @param sourceModified the source's modification time in milliseconds when it was read
     */
    public record Entry(String source, String fingerprint, String output, long sourceSize, long sourceModified) {
    }

    private record Key(String source, String fingerprint) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    public GenerationState(Collection<Entry> entries) {
        entries.forEach(e -> this.entries.put(new Key(e.source(), e.fingerprint()), e));
    }

    public Entry find(String source, String fingerprint) {
        return entries.get(new Key(source, fingerprint));
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public static GenerationState read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new GenerationState(List.of());
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return new GenerationState(List.of());
        }
        List<Entry> read = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 5) {
                return new GenerationState(List.of());
            }
            try {
                read.add(new Entry(fields[0], fields[1], fields[2], Long.parseLong(fields[3]), Long.parseLong(fields[4])));
            } catch (NumberFormatException e) {
                return new GenerationState(List.of());
            }
        }
        return new GenerationState(read);
    }

    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries.values()) {
            text.append(e.source()).append('\t').append(e.fingerprint()).append('\t').append(e.output()).append('\t')
                    .append(e.sourceSize()).append('\t').append(e.sourceModified()).append('\n');
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
