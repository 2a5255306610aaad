package org.imagefactory.core.batch;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.Rendition;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.SourceRoot;
import org.imagefactory.core.VariantManifest;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.VariantSpec;
import org.imagefactory.core.store.DirectorySourceStore;
import org.imagefactory.core.store.DirectoryVariantStore;
import org.imagefactory.core.store.Source;
import org.imagefactory.core.store.SourceStore;
import org.imagefactory.core.store.StoredVariant;
import org.imagefactory.core.store.VariantKey;
import org.imagefactory.core.store.VariantStore;

/**
 * Makes every configured variant of every selected source into a {@link VariantStore} over the output folder, at
 * their {@link VariantKey} paths, each published atomically with the version of the source it was made from, and
 * writes the variant manifest there. Sources are the files the {@link SourceSelector} picks, read through a
 * {@link DirectorySourceStore} over the source folder. Incremental: a variant is left alone when it was made under
 * the same {@link VariantFingerprint} (options and tool version, which the store cannot see) from the source as it
 * is now (same size and modification time as recorded in the {@link GenerationState}) and the store still judges
 * it fresh for that source ({@link VariantStore#find}, the one {@link org.imagefactory.core.store.Freshness} rule);
 * outputs of sources or variants that are gone are deleted. All the variants a source needs are made
 * in one {@link ResizePipeline#renderAll} call, which shares decodes between them, and sources are spread over
 * worker threads, most pixels first so no big file is left for the end. A source that fails is reported and the
 * others are still done.
 */
public final class VariantBatch {

    private final BatchSettings settings;
    private final ResizePipeline pipeline;

    public VariantBatch(BatchSettings settings) {
        this.settings = settings;
        this.pipeline = new ResizePipeline(settings.options());
    }

    public BatchSummary run(BatchListener listener) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path sourceRoot = settings.sourceRoot().toAbsolutePath().normalize();
        Path outputRoot = settings.outputRoot().toAbsolutePath().normalize();
        VariantStore store = settings.variantStore() != null ? settings.variantStore()
                : DirectoryVariantStore.of(outputRoot);
        // Links are followed (their targets must still lie under the folder): the sources are the developer's own.
        SourceStore sourceStore = DirectorySourceStore.of(SourceRoot.of(sourceRoot, true, List.of()));
        GenerationState previous = GenerationState.read(settings.stateFile());
        Map<VariantRequest, String> fingerprints = new LinkedHashMap<>();
        settings.variants().forEach(v ->
                fingerprints.put(v, VariantFingerprint.of(v, settings.options(), settings.toolVersion())));

        List<Path> files = settings.selector().scan(sourceRoot, outputRoot);
        List<GenerationState.Entry> current = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        int upToDate = 0;
        int failed = 0;
        for (Path file : files) {
            SourcePath path;
            try {
                path = SourcePath.relativize(sourceRoot, file);
            } catch (ImageFactoryException e) {
                failures.add(SourceFailure.of(file, e.getMessage()));
                failed += fingerprints.size();
                continue;
            }
            Source source = sourceStore.find(path).orElse(null);
            if (source == null) {
                failures.add(new SourceFailure(file, "not read: a link leading outside " + sourceRoot
                        + ", or no longer a file"));
                failed += fingerprints.size();
                continue;
            }
            long size = source.size();
            long modified = source.stamp().lastModifiedMillis();
            List<VariantRequest> stale = new ArrayList<>();
            for (Map.Entry<VariantRequest, String> variant : fingerprints.entrySet()) {
                GenerationState.Entry made = previous.find(path.value(), variant.getValue());
                if (isCurrent(made, source, store)) {
                    current.add(made);
                    upToDate++;
                } else {
                    stale.add(variant.getKey());
                }
            }
            if (!stale.isEmpty()) {
                try {
                    jobs.add(new Job(file, source, path, size, modified, pipeline.probe(file), stale));
                } catch (ImageFactoryException | IOException e) {
                    failures.add(SourceFailure.of(file, message(e)));
                    failed += stale.size();
                }
            }
        }
        int toGenerate = jobs.stream().mapToInt(job -> job.stale.size()).sum();
        int threads = Math.max(1, Math.min(settings.threads(), jobs.size()));
        listener.planned(files.size(), toGenerate, upToDate, threads);
        failures.forEach(listener::failed);

        Tracker tracker = new Tracker(listener, toGenerate, start, settings.progressInterval().toNanos());
        jobs.sort(Comparator.comparingLong((Job job) -> job.info.pixels()).reversed());
        List<Outcome> outcomes = runAll(jobs, threads, store, fingerprints, tracker);

        int generated = 0;
        long bytesIn = 0;
        long bytesOut = 0;
        for (int i = 0; i < jobs.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.failure != null) {
                failures.add(outcome.failure);
                failed += jobs.get(i).stale.size();
            } else {
                current.addAll(outcome.entries);
                generated += jobs.get(i).stale.size();
                bytesIn += jobs.get(i).size;
                bytesOut += outcome.bytesOut;
            }
        }
        Path stateFile = settings.stateFile().toAbsolutePath().normalize();
        SortedMap<Path, GenerationState> states = GenerationState.allFor(stateFile.getParent(), outputRoot.toString());
        states.remove(stateFile);
        int removed = removeOutdated(previous, current, states.values(), store, outputRoot, listener);
        GenerationState written = new GenerationState(outputRoot.toString(), settings.variants(), current);
        written.write(stateFile);
        states.put(stateFile, written);
        writeManifest(outputRoot, states.values());
        failures.sort(Comparator.comparing(SourceFailure::source));
        return new BatchSummary(files.size(), generated, upToDate, removed, failures, failed, bytesIn, bytesOut,
                System.nanoTime() - start);
    }

    /**
     * Whether the output recorded for this source and fingerprint may stay: the source still has the size and date
     * it had when the output was made, and the store judges the output fresh for the source's version as recorded
     * then. Trusting the recorded version while size and date match spares a no-op build from reading every source
     * again; a source replaced by other bytes of the same size with the same date is therefore taken for the same,
     * as it was before the batch used the stores. A change of size or date (even to an older date) redoes it.
     */
    private static boolean isCurrent(GenerationState.Entry made, Source source, VariantStore store)
            throws IOException {
        if (made == null || made.sourceSize() != source.size()
                || made.sourceModified() != source.stamp().lastModifiedMillis()) {
            return false;
        }
        VariantKey key;
        try {
            key = made.key();
        } catch (ImageFactoryException e) {
            return false;
        }
        if (!key.path().equals(made.output())) {
            return false;
        }
        // An output made when the version could not be read records none: the store judges it by dates.
        Source known = made.sourceVersion() == null ? source : source.withVersion(made.sourceVersion());
        return store.find(key, known).isPresent();
    }

    private List<Outcome> runAll(List<Job> jobs, int threads, VariantStore store,
                                 Map<VariantRequest, String> fingerprints, Tracker tracker)
            throws InterruptedException {
        if (jobs.isEmpty()) {
            return List.of();
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "imagefactory-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Callable<Outcome>> tasks = jobs.stream()
                    .map(job -> (Callable<Outcome>) () -> process(job, store, fingerprints, tracker))
                    .toList();
            List<Outcome> outcomes = new ArrayList<>(jobs.size());
            for (Future<Outcome> future : workers.invokeAll(tasks)) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker failed outside its own error handling", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private Outcome process(Job job, VariantStore store, Map<VariantRequest, String> fingerprints, Tracker tracker) {
        Outcome outcome;
        try {
            SourceInfo info = job.info;
            Map<VariantSpec, List<VariantRequest>> requestsBySpec = new LinkedHashMap<>();
            for (VariantRequest request : job.stale) {
                requestsBySpec.computeIfAbsent(pipeline.normalize(request, info), spec -> new ArrayList<>()).add(request);
            }
            // Read before decoding, as ImageFactory does: a source changed meanwhile leaves its outputs stale.
            String version = versionOf(job.source);
            List<Rendition> renditions = pipeline.renderAll(job.file, info, new ArrayList<>(requestsBySpec.keySet()));
            List<GenerationState.Entry> entries = new ArrayList<>();
            long bytesOut = 0;
            for (Rendition rendition : renditions) {
                VariantKey key = new VariantKey(job.path, rendition.spec());
                StoredVariant stored = store.publish(key, version, rendition.data());
                bytesOut += rendition.data().length;
                tracker.generated(stored.file(), rendition);
                for (VariantRequest request : requestsBySpec.get(rendition.spec())) {
                    entries.add(new GenerationState.Entry(job.path.value(), fingerprints.get(request), key.path(),
                            job.size, job.modified, version, rendition.spec()));
                }
            }
            outcome = new Outcome(entries, bytesOut, null);
        } catch (IOException | RuntimeException e) {
            outcome = failure(job, message(e), tracker);
        } catch (OutOfMemoryError e) {
            outcome = failure(job, "out of memory while decoding it; give the JVM more heap (-Xmx in MAVEN_OPTS)"
                    + " or use fewer threads", tracker);
        }
        tracker.finished(job.stale.size());
        return outcome;
    }

    /** The source's version; {@code null} (its outputs then judged by dates) when it cannot be read. */
    private static String versionOf(Source source) {
        try {
            return source.version();
        } catch (IOException e) {
            return null;
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    }

    private static Outcome failure(Job job, String message, Tracker tracker) {
        SourceFailure failure = SourceFailure.of(job.file, message);
        tracker.failed(failure);
        return new Outcome(List.of(), 0, failure);
    }

    /**
     * Deletes what this batch's previous run made and this one no longer wants; never a file it did not make itself,
     * nor one another batch writing to the same folder still records as its own.
     */
    private static int removeOutdated(GenerationState previous, List<GenerationState.Entry> current,
                                      Collection<GenerationState> others, VariantStore store, Path outputRoot,
                                      BatchListener listener)
            throws IOException {
        Set<String> wanted = new HashSet<>();
        current.forEach(e -> wanted.add(e.output()));
        others.forEach(state -> state.entries().forEach(e -> wanted.add(e.output())));
        Set<String> handled = new HashSet<>();
        int removed = 0;
        for (GenerationState.Entry entry : previous.entries()) {
            if (wanted.contains(entry.output()) || !handled.add(entry.output())) {
                continue;
            }
            Path output;
            try {
                output = SourcePath.of(entry.output()).resolveAgainst(outputRoot);
            } catch (ImageFactoryException e) {
                continue;
            }
            if (store.delete(entry.output())) {
                removed++;
                listener.removed(output);
                deleteEmptyFolders(output.getParent(), outputRoot);
            }
        }
        return removed;
    }

    private static void deleteEmptyFolders(Path folder, Path outputRoot) throws IOException {
        for (Path f = folder; f != null && f.startsWith(outputRoot) && !f.equals(outputRoot); f = f.getParent()) {
            try {
                Files.deleteIfExists(f);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    /**
     * The manifest lists what every batch writing to this folder made, merged from their states in the order of
     * their file names (so it reads the same whichever ran last), and does not hide the others' variants. A file
     * counts only while it is on disk, so a state left over from a batch whose files are gone adds nothing.
     */
    private static void writeManifest(Path outputRoot, Collection<GenerationState> states) throws IOException {
        Set<VariantRequest> variants = new LinkedHashSet<>();
        Set<String> files = new TreeSet<>();
        for (GenerationState state : states) {
            variants.addAll(state.variants());
            for (GenerationState.Entry entry : state.entries()) {
                if (!files.contains(entry.output()) && isOnDisk(entry.output(), outputRoot)) {
                    files.add(entry.output());
                }
            }
        }
        VariantManifest manifest = new VariantManifest(new ArrayList<>(variants), new ArrayList<>(files));
        Path file = outputRoot.resolve(VariantManifest.FILE_NAME);
        if (Files.isRegularFile(file)) {
            try {
                if (VariantManifest.read(file).equals(manifest)) {
                    return;
                }
            } catch (IOException e) {
                // An unreadable manifest is simply replaced.
            }
        }
        manifest.write(file);
    }

    private static boolean isOnDisk(String output, Path outputRoot) {
        try {
            return Files.isRegularFile(SourcePath.of(output).resolveAgainst(outputRoot));
        } catch (ImageFactoryException e) {
            return false;
        }
    }

    private record Job(Path file, Source source, SourcePath path, long size, long modified, SourceInfo info,
                       List<VariantRequest> stale) {
    }

    private record Outcome(List<GenerationState.Entry> entries, long bytesOut, SourceFailure failure) {
    }

    /** Serializes listener calls from the workers and spaces out progress reports. */
    private static final class Tracker {
        private final BatchListener listener;
        private final int total;
        private final long start;
        private final long intervalNanos;
        private int done;
        private long lastReport;

        Tracker(BatchListener listener, int total, long start, long intervalNanos) {
            this.listener = listener;
            this.total = total;
            this.start = start;
            this.intervalNanos = intervalNanos;
            this.lastReport = start;
        }

        synchronized void generated(Path output, Rendition rendition) {
            listener.generated(output, rendition.size().width(), rendition.size().height(), rendition.data().length);
        }

        synchronized void failed(SourceFailure failure) {
            listener.failed(failure);
        }

        synchronized void finished(int variants) {
            done += variants;
            long now = System.nanoTime();
            if (done < total && now - lastReport >= intervalNanos) {
                lastReport = now;
                listener.progress(new BatchProgress(done, total, now - start));
            }
        }
    }
}
