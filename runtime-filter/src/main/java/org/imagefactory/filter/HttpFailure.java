package org.imagefactory.filter;

import java.util.Map;

import org.imagefactory.core.ImageFactoryException;

/**
 * A request the filter answers with an error status and a one-line plain-text reason, which never names a file
 * on the server: a failure about the URL's path itself names that path as the client sent it.
 */
final class HttpFailure extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;
    private final boolean namesRequestPath;

    HttpFailure(int status, String reason) {
        this(status, reason, Map.of());
    }

    HttpFailure(int status, String reason, Map<String, String> headers) {
        this(status, reason, headers, false);
    }

    private HttpFailure(int status, String reason, Map<String, String> headers, boolean namesRequestPath) {
        super(reason, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.namesRequestPath = namesRequestPath;
    }

    /** No source at this path, or one the path rules do not let us read: the client learns nothing more. */
    static HttpFailure notFound() {
        return new HttpFailure(404, "not found", Map.of(), true);
    }

    /**
     * Maps a core failure to its status: 404 no such source, 400 bad argument, 415 not an image we read, 422 corrupt or too large, 503
     * with {@code Retry-After} for a generation abandoned past its deadline (the source is refused at once for as
     * long as that is remembered).
     */
    static HttpFailure of(ImageFactoryException e, String message) {
        return switch (e.failure()) {
            case NO_SUCH_SOURCE -> notFound();
            case INVALID_ARGUMENT -> new HttpFailure(400, message);
            case UNSUPPORTED_FORMAT -> new HttpFailure(415, message);
            case CORRUPT_IMAGE, TOO_LARGE -> new HttpFailure(422, message);
            case TOO_SLOW -> {
                long retryAfter = ProbeCache.SLOW_SOURCE_MEMORY.toSeconds();
                yield new HttpFailure(503, message + "; retry in " + retryAfter + " s",
                        Map.of("Retry-After", Long.toString(retryAfter)));
            }
        };
    }

    int status() {
        return status;
    }

    /** The reason for the client; {@code requestPath} is the URL's path, still percent-encoded as sent. */
    String reason(String requestPath) {
        return namesRequestPath ? getMessage() + ": " + requestPath : getMessage();
    }

    /** Headers that belong to the error, such as {@code Retry-After} or {@code Allow}. */
    Map<String, String> headers() {
        return headers;
    }
}
