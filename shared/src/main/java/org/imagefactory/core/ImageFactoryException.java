package org.imagefactory.core;

/**
 * A failure a user can act on. The {@link Failure} tells an adapter how to report it (an HTTP status, a build
 * failure); the message names the file or argument, the value and what was expected.
 */
public class ImageFactoryException extends RuntimeException {

    /** What went wrong, coarse enough for an adapter to map to its own world. */
    public enum Failure {
        /** The source store has no such source it may serve (HTTP 404). */
        NO_SUCH_SOURCE,
        /** A variant argument is malformed or out of range (HTTP 400). */
        INVALID_ARGUMENT,
        /** The source is not an image format we read (HTTP 415). */
        UNSUPPORTED_FORMAT,
        /** The source is empty, truncated or corrupt (HTTP 422). */
        CORRUPT_IMAGE,
        /** The source is over the configured pixel limit (HTTP 422). */
        TOO_LARGE,
        /**
         * Making the variant took longer than its {@link Deadline} allowed and was abandoned (HTTP 503: the
         * same work may succeed on a server with time to spare, or never, for a crafted file).
         */
        TOO_SLOW
    }

    private final Failure failure;

    public ImageFactoryException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public ImageFactoryException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    static ImageFactoryException invalidArgument(String argument, String value, String expected) {
        return new ImageFactoryException(Failure.INVALID_ARGUMENT,
                "invalid " + argument + "=" + quote(value) + ": expected " + expected);
    }

    private static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        StringBuilder out = new StringBuilder("'");
        for (char c : shown.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.append('\'').toString();
    }
}
