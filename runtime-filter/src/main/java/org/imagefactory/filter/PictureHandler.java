package org.imagefactory.filter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.imagefactory.core.CacheNaming;
import org.imagefactory.core.Encoding;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.SourceRoot;
import org.imagefactory.core.store.ContentHashes;
import org.imagefactory.core.store.DirectorySourceStore;
import org.imagefactory.core.store.Source;

/**
 * Answers one picture request over HTTP. Invariant: it only translates: a repeated request the
 * {@link ReplyIndex} can prove unchanged is served from it; any other is read ({@link PictureRequest}), its
 * variant found or made ({@link VariantLookup}) and sent ({@link HttpReplies}), each failure mapped to its status
 * and every file served remembered for the next time.
 */
final class PictureHandler {

    private final FilterSettings settings;
    private final DirectorySourceStore sources;
    private final VariantLadder ladder;
    private final PictureRequest.Policy policy;
    private final VariantLookup variants;
    private final FilterStatistics statistics;
    private final ReplyIndex known;
    private final ContentHashes hashes = ContentHashes.SHARED;

    /**
     * @param sourceRoot the source folder and the rule for which files in it may be read
     * @param cacheRoot  the runtime cache folder; it need not exist or be writable
     */
    PictureHandler(FilterSettings settings, SourceRoot sourceRoot, Pregenerated pregenerated, Path cacheRoot,
                   FilterStatistics statistics) {
        this.settings = settings;
        this.sources = DirectorySourceStore.of(sourceRoot);
        this.known = new ReplyIndex(settings.fileCheckInterval().toNanos());
        this.variants = new VariantLookup(settings, pregenerated, cacheRoot, known, statistics);
        this.ladder = VariantLadder.of(pregenerated.configuredSizes(), settings.allowedSizes(),
                settings.defaultQuality(), pregenerated.configuredQualities(), settings.allowedQualities())
                .withCrops(pregenerated.configuredFits(), pregenerated.configuredGravities())
                .withCrops(settings.allowedFits(), settings.allowedGravities());
        this.policy = new PictureRequest.Policy(
                settings.signingKey() == null ? null : new UrlSigner(settings.signingKey()), ladder,
                settings.sizePolicy());
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
        variants.servedAgain(reply.origin(), reply.file());
        return true;
    }

    /**
     * The full lookup: the request read and checked, the source's real path resolved, then the original file or
     * the pre-generated, cached or generated variant served and, when it is a file, remembered.
     *
     * @param key the request's key in the {@link ReplyIndex}, or {@code null} for a method other than GET and HEAD
     */
    private void serve(HttpServletRequest request, HttpServletResponse response, String rawPath, String key)
            throws IOException {
        if (key == null) {
            String method = request.getMethod();
            throw new HttpFailure(405, method + " is not supported; use GET or HEAD", Map.of("Allow", "GET, HEAD"));
        }
        PictureRequest picture = PictureRequest.read(request, rawPath, policy);
        if (picture.variant().isOriginal()) {
            serveOriginal(request, response, picture, key);
            return;
        }
        long lookedUp = System.nanoTime();
        Source source = source(picture.path());
        VariantReply reply = variants.find(source, picture.variant());
        HttpReplies.Headers headers = HttpReplies.Headers.of(reply.payload(), reply.encoding().mimeType(),
                settings.cacheControl(), picture.negotiation().negotiated(), reply.serverTiming());
        if (reply.payload() instanceof OpenFile file) {
            known.remember(key, picture.negotiation(), headers, file, sources.requested(picture.path()),
                    source.stamp(), reply.origin(), lookedUp);
            send(request, response, headers, file);
        } else {
            HttpReplies.send(request, response, headers, reply.payload());
        }
    }

    private void serveOriginal(HttpServletRequest request, HttpServletResponse response, PictureRequest picture,
                               String key) throws IOException {
        SourcePath path = picture.path();
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
                settings.cacheControl(), picture.negotiation().negotiated(), null);
        known.remember(key, picture.negotiation(), headers, file, sources.requested(path), source.stamp(),
                ReplyOrigin.ORIGINAL, lookedUp);
        send(request, response, headers, file);
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

    /** The source file, only when it is a regular file the source root's rule lets us read. */
    private Source source(SourcePath path) {
        return sources.find(path).orElseThrow(HttpFailure::notFound);
    }
}
