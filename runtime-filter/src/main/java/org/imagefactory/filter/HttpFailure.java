package org.imagefactory.filter;

import java.util.Map;

import org.imagefactory.core.ImageFactoryException;

/** A request the filter answers with an error status and a one-line plain-text reason. */
final class HttpFailure extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    HttpFailure(int status, String reason) {
        this(status, reason, Map.of());
    }

    HttpFailure(int status, String reason, Map<String, String> headers) {
        super(reason, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    static HttpFailure notFound() {
        return new HttpFailure(404, "not found");
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

    /** Headers that belong to the error, such as {@code Retry-After} or {@code Allow}. */
    Map<String, String> headers() {
        return headers;
    }
}
