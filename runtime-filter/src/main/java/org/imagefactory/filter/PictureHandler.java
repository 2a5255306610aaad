package org.imagefactory.filter;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.imagefactory.core.CacheNaming;
import org.imagefactory.core.ContentHash;
import org.imagefactory.core.Deadline;
import org.imagefactory.core.Encoding;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.Rendition;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.SourceRoot;
import org.imagefactory.core.Timings;
import org.imagefactory.core.VariantArgument;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.VariantSpec;
import org.imagefactory.core.store.ContentHashes;
import org.imagefactory.core.store.DirectorySourceStore;
import org.imagefactory.core.store.DirectoryVariantStore;
import org.imagefactory.core.store.Freshness;
import org.imagefactory.core.store.Source;
import org.imagefactory.core.store.StoredVariant;
import org.imagefactory.core.store.VariantKey;

/**
 * Answers one picture request: checks the path and arguments, applies the size policy, then serves the
 * pre-generated file, the cached file, or a variant generated (once, within the admission limits) into the cache.
 */
final class PictureHandler {

    private static final System.Logger LOG = System.getLogger(PictureHandler.class.getName());
    private static final String AUTO = "auto";
    private static final String PREGENERATED = "pregenerated";

    private final FilterSettings settings;
    private final ResizePipeline pipeline;
    private final DirectorySourceStore sources;
    private final Pregenerated pregenerated;
    private final Path cacheRoot;
    private final DirectoryVariantStore cache;
    private final VariantLadder ladder;
    private final UrlSigner signer;
    private final ProbeCache probes;
    private final AdmissionControl admission;
    private final SingleFlight<String, Reply> flights;
    private final FilterStatistics statistics;
    private final ReplyIndex known;
    private final ContentHashes hashes = ContentHashes.SHARED;
    private final AtomicBoolean cacheWarned = new AtomicBoolean();

    /** How a variant was found, for the response and its {@code Server-Timing}. */
    private record Reply(Payload payload, String cache, Timings timings) {
    }

    /**
     * @param sourceRoot the source folder and the rule for which files in it may be read
     * @param cacheRoot  the runtime cache folder; it need not exist or be writable
     */
    PictureHandler(FilterSettings settings, SourceRoot sourceRoot, Pregenerated pregenerated, Path cacheRoot,
                   FilterStatistics statistics) {
        this.settings = settings;
        this.pipeline = new ResizePipeline(settings.pipelineOptions());
        this.sources = DirectorySourceStore.of(sourceRoot);
        this.pregenerated = pregenerated;
        this.cacheRoot = cacheRoot;
        this.known = new ReplyIndex(settings.fileCheckInterval().toNanos());
        this.cache = DirectoryVariantStore.at(cacheRoot).maxBytes(settings.cacheMaxBytes()).onEvicted(known::forgetFile)
                .open();
        this.ladder = VariantLadder.of(pregenerated.configuredSizes(), settings.allowedSizes(),
                settings.defaultQuality(), pregenerated.configuredQualities(), settings.allowedQualities());
        this.signer = settings.signingKey() == null ? null : new UrlSigner(settings.signingKey());
        this.probes = new ProbeCache(pipeline);
        WaitingRoom queue = new WaitingRoom(settings.queueSize(), settings.queueTimeout());
        this.admission = new AdmissionControl(settings.maxConcurrent(), settings.generationMemory(), queue,
                statistics.queued);
        this.flights = new SingleFlight<>(queue);
        this.statistics = statistics;
    }

    VariantLadder ladder() {
        return ladder;
    }

    /** Closes the files kept open for repeated requests. */
    void close() {
        known.close();
    }

    /**
     * Answers a request for a picture.
     *
     * @param authoritative whether every request on this path is ours (a mapping such as {@code /picture/*}); when
     *                      not (a mapping such as {@code /*}), only a GET or HEAD of a source we may read is, and
     *                      the rest is left to the web app
     * @return {@code false} when the request was left to the web app, untouched
     */
    boolean handle(HttpServletRequest request, HttpServletResponse response, String rawPath, boolean authoritative)
            throws IOException {
        String method = request.getMethod();
        String key = method.equals("GET") || method.equals("HEAD")
                ? ReplyIndex.key(rawPath, request.getQueryString()) : null;
        if (key == null && !authoritative) {
            return false;
        }
        if (key != null && serveKnown(request, response, key)) {
            return true;
        }
        try {
            serve(request, response, rawPath, key);
        } catch (HttpFailure failure) {
            if (failure.status() == HttpServletResponse.SC_NOT_FOUND && !authoritative) {
                return false;
            }
            HttpReplies.fail(request, response, failure);
        } catch (AdmissionControl.Overloaded e) {
            statistics.overloaded.increment();
            long retryAfter = Math.max(1, (settings.queueTimeout().toMillis() + 999) / 1000);
            HttpReplies.fail(request, response, new HttpFailure(503, "busy: " + e.getMessage() + "; retry in "
                    + retryAfter + " s", Map.of("Retry-After", Long.toString(retryAfter))));
        }
        return true;
    }

    /**
     * Serves a request the full lookup answered before, when both files are provably unchanged.
     *
     * @return {@code false} when the request needs the full lookup
     */
    private boolean serveKnown(HttpServletRequest request, HttpServletResponse response, String key)
            throws IOException {
        ReplyIndex.Known reply = known.find(key, request);
        if (reply == null) {
            return false;
        }
        try {
            HttpReplies.send(request, response, reply.headers(), reply.file());
        } finally {
            reply.file().release();
        }
        switch (reply.kind()) {
            case HIT -> {
                cache.served(reply.file().path(), reply.file().length());
                statistics.hits.increment();
            }
            case PREGENERATED -> statistics.pregenerated.increment();
            case ORIGINAL -> {
            }
        }
        return true;
    }

    /**
     * The full lookup: path and arguments checked, the size policy applied, the source's real path resolved and
     * probed, then the pre-generated, cached or generated file served and, when it is a file, remembered.
     *
     * @param key the request's key in the {@link ReplyIndex}, or {@code null} for a method other than GET and HEAD
     */
    private void serve(HttpServletRequest request, HttpServletResponse response, String rawPath, String key)
            throws IOException {
        if (key == null) {
            String method = request.getMethod();
            throw new HttpFailure(405, method + " is not supported; use GET or HEAD", Map.of("Allow", "GET, HEAD"));
        }
        SourcePath path = RequestPath.parse(rawPath);
        Map<String, String[]> arguments = QueryArguments.parse(request.getQueryString());
        boolean negotiate = isAuto(arguments.get(VariantArgument.ENCODING.argument()));
        Boolean webp = negotiate ? HttpReplies.acceptsWebp(request) : null;
        Map<String, String[]> effective = negotiate ? negotiated(arguments, webp) : arguments;
        VariantRequest wanted = parse(effective);
        boolean signed = verifySignature(path, arguments);
        if (wanted.isOriginal()) {
            serveOriginal(request, response, path, key, webp);
            return;
        }
        VariantRequest allowed = signed ? wanted : authorize(wanted);
        long lookedUp = System.nanoTime();
        Source source = source(path);
        SourceInfo info = probe(source);
        VariantSpec spec = pipeline.normalize(allowed, info);
        Reply reply = lookup(source, info, spec);
        HttpReplies.Headers headers = HttpReplies.Headers.of(reply.payload(), spec.encoding().mimeType(),
                settings.cacheControl(), negotiate, serverTiming(reply));
        if (reply.payload() instanceof OpenFile file) {
            ReplyIndex.Kind kind = reply.cache().equals(PREGENERATED) ? ReplyIndex.Kind.PREGENERATED
                    : ReplyIndex.Kind.HIT;
            known.remember(key, webp, headers, file, sources.requested(path), source.stamp(), kind,
                    lookedUp);
            send(request, response, headers, file);
        } else {
            HttpReplies.send(request, response, headers, reply.payload());
        }
    }

    /** Sends a file opened by the lookup, then closes it. */
    private static void send(HttpServletRequest request, HttpServletResponse response, HttpReplies.Headers headers,
                             OpenFile file) throws IOException {
        try {
            HttpReplies.send(request, response, headers, file);
        } finally {
            file.release();
        }
    }

    private void serveOriginal(HttpServletRequest request, HttpServletResponse response, SourcePath path,
                               String key, Boolean webp) throws IOException {
        if (!Encoding.isImageFileName(path.fileName())) {
            throw HttpFailure.notFound();
        }
        String extension = CacheNaming.extension(path.fileName());
        long lookedUp = System.nanoTime();
        Source source = source(path);
        OpenFile file = OpenFile.open(source.file(), source.stamp(), hashes);
        if (file == null) {
            throw HttpFailure.notFound();
        }
        HttpReplies.Headers headers = HttpReplies.Headers.of(file, Encoding.parse(extension).mimeType(),
                settings.cacheControl(), webp != null, null);
        known.remember(key, webp, headers, file, sources.requested(path), source.stamp(),
                ReplyIndex.Kind.ORIGINAL, lookedUp);
        send(request, response, headers, file);
    }

    private static boolean isAuto(String[] values) {
        if (values == null || values.length == 0) {
            return false;
        }
        for (String value : values) {
            if (!AUTO.equalsIgnoreCase(value)) {
                return false;
            }
        }
        return true;
    }

    /** {@code encoding=auto} becomes WebP for a client that takes it, else the source's own format. */
    private static Map<String, String[]> negotiated(Map<String, String[]> arguments, boolean webp) {
        Map<String, String[]> copy = new HashMap<>(arguments);
        if (webp) {
            copy.put(VariantArgument.ENCODING.argument(), new String[] {Encoding.WEBP.argument()});
        } else {
            copy.remove(VariantArgument.ENCODING.argument());
        }
        return copy;
    }

    private static VariantRequest parse(Map<String, String[]> arguments) {
        try {
            return VariantRequest.fromArguments(arguments);
        } catch (ImageFactoryException e) {
            throw HttpFailure.of(e, e.getMessage());
        }
    }

    /**
     * Whether the URL carries a correct {@code sig}, checked whenever there is one, even on a request for the
     * original file; without a configured key, {@code sig} is ignored and the size policy decides.
     *
     * @throws HttpFailure 403 for a {@code sig} that does not match
     */
    private boolean verifySignature(SourcePath path, Map<String, String[]> arguments) {
        if (signer == null || !arguments.containsKey(UrlSigner.SIG)) {
            return false;
        }
        if (!signer.verify(path.value(), arguments)) {
            throw new HttpFailure(403, "invalid sig for " + path + ": expected the HMAC-SHA256 of '"
                    + UrlSigner.message(path.value(), arguments) + "' with the configured signingKey");
        }
        return true;
    }

    /** The size policy's answer for an unsigned URL. */
    private VariantRequest authorize(VariantRequest wanted) {
        try {
            return ladder.apply(settings.sizePolicy(), wanted);
        } catch (ImageFactoryException e) {
            throw HttpFailure.of(e, e.getMessage());
        }
    }

    /** The source file, only when it is a regular file the source root's rule lets us read. */
    private Source source(SourcePath path) {
        return sources.find(path).orElseThrow(HttpFailure::notFound);
    }

    private SourceInfo probe(Source source) throws IOException {
        try {
            return probes.probe(source);
        } catch (ImageFactoryException e) {
            statistics.refused.increment();
            throw refusal(source, e);
        }
    }

    /** The refusal as the client sees it: the source's path in the URL, not where it lives on the server. */
    private static HttpFailure refusal(Source source, ImageFactoryException e) {
        return HttpFailure.of(e, e.getMessage().replace(source.file().toString(), source.path().value()));
    }

    private Reply lookup(Source source, SourceInfo info, VariantSpec spec) throws IOException {
        VariantKey key = new VariantKey(source.path(), spec);
        Optional<Payload> built = pregenerated.find(key.path(), source, hashes);
        if (built.isPresent()) {
            statistics.pregenerated.increment();
            return new Reply(built.get(), PREGENERATED, null);
        }
        // A file made by a flight this request waited for is opened here, once per request; should eviction take
        // it first, the next round makes it again.
        for (int round = 0; round < 2; round++) {
            Reply hit = cached(key, source);
            if (hit != null) {
                return hit;
            }
            Reply made = generateOnce(source, info, key);
            if (made != null) {
                return made;
            }
        }
        throw new AdmissionControl.Overloaded("the cache evicted the variant of " + source.path() + " as soon as it"
                + " was made; raise cacheMaxBytes");
    }

    /** The variant generated by one request for all that ask meanwhile, or {@code null} when it is cached now. */
    private Reply generateOnce(Source source, SourceInfo info, VariantKey key) throws IOException {
        try {
            probes.checkNotSlow(source);
            return flights.run(key.path(), () -> cache.find(key, source).isPresent() ? null
                    : admission.run(pipeline.peakBytes(info, key.spec()), () -> generate(source, info, key)));
        } catch (ImageFactoryException e) {
            // a source remembered as too slow: refused before it takes a place in the queue
            throw refusal(source, e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached variant, opened, unless it is missing, stale ({@link Freshness}) or gone by the time it is opened. */
    private Reply cached(VariantKey key, Source source) {
        Optional<StoredVariant> stored = cache.find(key, source);
        if (stored.isEmpty()) {
            return null;
        }
        OpenFile file = OpenFile.open(stored.get().file(), stored.get().stamp(), hashes);
        if (file == null) {
            return null;
        }
        cache.served(stored.get());
        statistics.hits.increment();
        return new Reply(file, "hit", null);
    }

    /**
     * Makes the variant within the source's deadline. Past it the render stops where it is, which frees this
     * thread and its slot, and the source is remembered as failing (see {@link ProbeCache#refuse}).
     */
    private Reply generate(Source source, SourceInfo info, VariantKey key) throws IOException {
        String version = version(source);
        Rendition rendition;
        try {
            rendition = pipeline.render(source.file(), info, key.spec(),
                    Deadline.after(settings.generationTimeout(info)));
        } catch (ImageFactoryException e) {
            probes.refuse(source, info, e);
            boolean slow = e.failure() == ImageFactoryException.Failure.TOO_SLOW;
            (slow ? statistics.abandoned : statistics.refused).increment();
            LOG.log(System.Logger.Level.WARNING, "imagefactory: refusing " + e.getMessage() + (slow
                    ? "; new sizes of it are refused for " + ProbeCache.SLOW_SOURCE_MEMORY.toSeconds() + " s; raise"
                    + " generationTimeout if such sources are expected" : ""));
            throw refusal(source, e);
        } catch (NoSuchFileException e) {
            throw HttpFailure.notFound();
        } catch (OutOfMemoryError e) {
            throw new AdmissionControl.Overloaded("not enough memory to generate " + source.path()
                    + "; lower generationMemory or maxConcurrent, or give the JVM more heap");
        }
        statistics.generated.increment();
        return new Reply(store(key, version, rendition.data()), "generated", rendition.timings());
    }

    /**
     * The version of the source a variant is made from, read before the source is decoded; {@code null}, so
     * judged by dates, when the source cannot be hashed.
     */
    private static String version(Source source) {
        try {
            return source.version();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Publishes the variant to the cache and tags it by its content; a cache that cannot be written is reported
     * once and served around.
     */
    private Payload store(VariantKey key, String version, byte[] data) {
        String hash = ContentHash.of(data);
        try {
            StoredVariant stored = cache.publish(key, version, data);
            known.forgetFile(stored.file());
            return new Payload.InMemory(data, stored.stamp().lastModifiedMillis(), Payload.tag(hash));
        } catch (IOException e) {
            if (cacheWarned.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "imagefactory: cannot write to the cache folder " + cacheRoot
                        + " (" + e + "); generated images are served but not cached. Set cacheDir to a writable"
                        + " folder with room for cacheMaxBytes.");
            }
            return new Payload.InMemory(data, System.currentTimeMillis() / 1000 * 1000, Payload.tag(hash));
        }
    }

    private static String serverTiming(Reply reply) {
        if (reply.timings() == null) {
            return "cache;desc=" + reply.cache();
        }
        Timings t = reply.timings();
        return String.format(Locale.ROOT, "decode;dur=%.1f, resize;dur=%.1f, encode;dur=%.1f, cache;desc=%s",
                t.decodeNanos() / 1e6, t.resizeNanos() / 1e6, t.encodeNanos() / 1e6, reply.cache());
    }
}
