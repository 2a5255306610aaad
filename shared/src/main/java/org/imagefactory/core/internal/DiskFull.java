package org.imagefactory.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Tells a write that failed for want of space from one that failed for any other reason, so a cache can make room
 * and try again instead of giving up on caching. Java reports a full disk as a plain {@link IOException} with the
 * system's words ({@code ENOSPC}, {@code EDQUOT}), and those are translated under some locales: what the folder's
 * file store still offers decides as well.
 */
public final class DiskFull {

    private static final List<String> MESSAGES = List.of("no space left on device", "disk quota exceeded",
            "not enough space on the disk");

    private DiskFull() {
    }

    /** Whether writing {@code bytes} into {@code folder} failed with {@code failure} because the disk is full. */
    public static boolean caused(IOException failure, Path folder, long bytes) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && MESSAGES.stream().anyMatch(message.toLowerCase(Locale.ROOT)::contains)) {
                return true;
            }
        }
        try {
            return Files.getFileStore(folder).getUsableSpace() < bytes;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
