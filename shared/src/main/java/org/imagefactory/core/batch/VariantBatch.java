package org.imagefactory.core.batch;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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

import org.imagefactory.core.AtomicFiles;
import org.imagefactory.core.CacheNaming;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.Rendition;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantManifest;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.VariantSpec;

/**
 * Makes every configured variant of every selected source into an output folder, at the cache-naming paths, and
 * writes the variant manifest there. Incremental: a variant whose output exists, is not older than its source,
 * and was made from the same source (size and modification time) under the same {@link VariantFingerprint} is
 * left alone; outputs of sources or variants that are gone are deleted. All the variants a source needs are made
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
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            List<VariantRequest> stale = new ArrayList<>();
            for (Map.Entry<VariantRequest, String> variant : fingerprints.entrySet()) {
                GenerationState.Entry made = previous.find(path.value(), variant.getValue());
                if (isCurrent(made, size, modified, outputRoot)) {
                    current.add(made);
                    upToDate++;
                } else {
                    stale.add(variant.getKey());
                }
            }
            if (!stale.isEmpty()) {
                try {
                    jobs.add(new Job(file, path, size, modified, pipeline.probe(file), stale));
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
        List<Outcome> outcomes = runAll(jobs, threads, outputRoot, fingerprints, tracker);

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
        int removed = removeOutdated(previous, current, states.values(), outputRoot, listener);
        GenerationState written = new GenerationState(outputRoot.toString(), settings.variants(), current);
        written.write(stateFile);
        states.put(stateFile, written);
        writeManifest(outputRoot, states.values());
        failures.sort(Comparator.comparing(SourceFailure::source));
        return new BatchSummary(files.size(), generated, upToDate, removed, failures, failed, bytesIn, bytesOut,
                System.nanoTime() - start);
    }

    private static boolean isCurrent(GenerationState.Entry made, long size, long modified, Path outputRoot)
            throws IOException {
        if (made == null || made.sourceSize() != size || made.sourceModified() != modified) {
            return false;
        }
        Path output;
        try {
            output = SourcePath.of(made.output()).resolveAgainst(outputRoot);
        } catch (ImageFactoryException e) {
            return false;
        }
        return Files.isRegularFile(output) && Files.getLastModifiedTime(output).toMillis() >= modified;
    }

    private List<Outcome> runAll(List<Job> jobs, int threads, Path outputRoot, Map<VariantRequest, String> fingerprints,
                                 Tracker tracker) throws InterruptedException {
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
                    .map(job -> (Callable<Outcome>) () -> process(job, outputRoot, fingerprints, tracker))
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

    private Outcome process(Job job, Path outputRoot, Map<VariantRequest, String> fingerprints, Tracker tracker) {
        Outcome outcome;
        try {
            SourceInfo info = job.info;
            Map<VariantSpec, List<VariantRequest>> requestsBySpec = new LinkedHashMap<>();
            for (VariantRequest request : job.stale) {
                requestsBySpec.computeIfAbsent(pipeline.normalize(request, info), spec -> new ArrayList<>()).add(request);
            }
            List<Rendition> renditions = pipeline.renderAll(job.file, info, new ArrayList<>(requestsBySpec.keySet()));
            List<GenerationState.Entry> entries = new ArrayList<>();
            long bytesOut = 0;
            for (Rendition rendition : renditions) {
                String relative = CacheNaming.variantPath(job.path, rendition.spec());
                Path target = outputRoot.resolve(relative);
                AtomicFiles.write(target, rendition.data());
                bytesOut += rendition.data().length;
                tracker.generated(target, rendition);
                for (VariantRequest request : requestsBySpec.get(rendition.spec())) {
                    entries.add(new GenerationState.Entry(job.path.value(), fingerprints.get(request), relative,
                            job.size, job.modified));
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
                                      Collection<GenerationState> others, Path outputRoot, BatchListener listener)
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
            if (Files.deleteIfExists(output)) {
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

    private record Job(Path file, SourcePath path, long size, long modified, SourceInfo info,
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
