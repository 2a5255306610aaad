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

    /** Maps a core failure to its status: 400 bad argument, 415 not an image we read, 422 corrupt or too large. */
    static HttpFailure of(ImageFactoryException e, String message) {
        int status = switch (e.failure()) {
            case INVALID_ARGUMENT -> 400;
            case UNSUPPORTED_FORMAT -> 415;
            case CORRUPT_IMAGE, TOO_LARGE -> 422;
        };
        return new HttpFailure(status, message);
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
