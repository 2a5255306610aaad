package org.imagefactory.core.batch;

import java.nio.file.Path;

/**
 * A source whose variants could not be made, and why.
 *
 * @param source the file
 * @param reason what went wrong, without the file name
 */
public record SourceFailure(Path source, String reason) {

    /** Takes the reason from a message that may already start with the file name, as core messages do. */
    public static SourceFailure of(Path source, String message) {
        String prefix = source + ": ";
        return new SourceFailure(source, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
