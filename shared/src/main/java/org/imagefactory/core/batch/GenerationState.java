package org.imagefactory.core.batch;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.imagefactory.core.AtomicFiles;
import org.imagefactory.core.Encoding;
import org.imagefactory.core.Fit;
import org.imagefactory.core.Gravity;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.VariantSpec;
import org.imagefactory.core.store.VariantKey;

/**
 * What one batch (one execution of the build goal) generated, kept outside the output (under the build folder) so
 * a packaged web app never ships it: the output folder it wrote to, its configured variants, and for each source
 * and variant fingerprint, the output file, the variant it holds, and the source's size, modification time and
 * content hash at the moment it was read (so a build that finds the size and date unchanged need not read the
 * source again to know its version).
 * Several batches may share an output folder; each keeps its own state file, and the states of one folder are
 * kept side by side so the folder's manifest can be merged from them. It is a cache: a missing or unreadable state
 * only means everything is redone.
 */
public final class GenerationState {

    private static final String HEADER = "# imagefactory generation state 3";
    private static final String OUTPUT = "output\t";
    private static final String VARIANT = "variant\t";
    private static final String NO_VERSION = "-";

    /**
     * One generated output.
     *
     * @param source         source path relative to the source folder
     * @param fingerprint    the {@link VariantFingerprint} it was made under
     * @param output         output path relative to the output folder
     * @param sourceSize     the source's size in bytes when it was read
     * @param sourceModified the source's modification time in milliseconds when it was read
     * @param sourceVersion  the source's {@link org.imagefactory.core.store.Source#version() version} read before it
     *                       was decoded, which the output records too; {@code null} when it could not be read
     * @param spec           the variant the output holds, fitted to the source: with {@code source} its
     *                       {@link VariantKey}
     */
    public record Entry(String source, String fingerprint, String output, long sourceSize, long sourceModified,
                        String sourceVersion, VariantSpec spec) {

        /** The output's key in the variant store. */
        public VariantKey key() {
            return new VariantKey(SourcePath.of(source), spec);
        }
    }

    private record Key(String source, String fingerprint) {
    }

    private static final GenerationState EMPTY = new GenerationState("", List.of(), List.of());

    private final String outputRoot;
    private final List<VariantRequest> variants;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    /**
     * @param outputRoot the absolute, normalized output folder the entries are relative to
     * @param variants   the variants the batch was configured with
     * @param entries    what it generated
     */
    public GenerationState(String outputRoot, List<VariantRequest> variants, Collection<Entry> entries) {
        this.outputRoot = outputRoot;
        this.variants = List.copyOf(variants);
        entries.forEach(e -> this.entries.put(new Key(e.source(), e.fingerprint()), e));
    }

    public List<VariantRequest> variants() {
        return variants;
    }

    public Entry find(String source, String fingerprint) {
        return entries.get(new Key(source, fingerprint));
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    /** The readable states in {@code folder} of batches writing to {@code outputRoot}, by file, sorted by name. */
    public static SortedMap<Path, GenerationState> allFor(Path folder, String outputRoot) throws IOException {
        SortedMap<Path, GenerationState> states = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return states;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(Files::isRegularFile).filter(f -> !AtomicFiles.isTemporary(f)).toList();
        }
        for (Path file : files) {
            GenerationState state = read(file);
            if (state.outputRoot.equals(outputRoot)) {
                states.put(file.toAbsolutePath().normalize(), state);
            }
        }
        return states;
    }

    public static GenerationState read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException | MalformedInputException e) {
            return EMPTY;
        }
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith(OUTPUT)) {
            return EMPTY;
        }
        List<VariantRequest> variants = new ArrayList<>();
        List<Entry> read = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            try {
                if (line.startsWith(VARIANT)) {
                    variants.add(VariantRequest.fromQueryString(line.substring(VARIANT.length())));
                    continue;
                }
                String[] fields = line.split("\t", -1);
                // Ten fields before fit and gravity existed: those entries were all fitted inside, centred.
                if (fields.length != 10 && fields.length != 12) {
                    return EMPTY;
                }
                VariantSpec spec = new VariantSpec(Integer.parseInt(fields[6]), Integer.parseInt(fields[7]),
                        Encoding.parse(fields[8]), Integer.parseInt(fields[9]),
                        fields.length == 10 ? Fit.INSIDE : Fit.parse(fields[10]),
                        fields.length == 10 ? Gravity.CENTER : Gravity.parse(fields[11]));
                read.add(new Entry(fields[0], fields[1], fields[2], Long.parseLong(fields[3]), Long.parseLong(fields[4]),
                        fields[5].equals(NO_VERSION) ? null : fields[5], spec));
            } catch (IllegalArgumentException | ImageFactoryException e) {
                return EMPTY;
            }
        }
        return new GenerationState(lines.get(1).substring(OUTPUT.length()), variants, read);
    }

    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append(OUTPUT).append(outputRoot).append('\n');
        variants.forEach(v -> text.append(VARIANT).append(v.toQueryString()).append('\n'));
        for (Entry e : entries.values()) {
            text.append(e.source()).append('\t').append(e.fingerprint()).append('\t').append(e.output()).append('\t')
                    .append(e.sourceSize()).append('\t').append(e.sourceModified()).append('\t')
                    .append(e.sourceVersion() == null ? NO_VERSION : e.sourceVersion()).append('\t')
                    .append(e.spec().width()).append('\t').append(e.spec().height()).append('\t')
                    .append(e.spec().encoding().argument()).append('\t').append(e.spec().quality()).append('\t')
                    .append(e.spec().fit().argument()).append('\t').append(e.spec().gravity().argument()).append('\n');
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
