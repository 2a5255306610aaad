package org.imagefactory.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.imagefactory.core.internal.FileSync;

/**
 * Writes a file so that a reader sees either nothing or the whole file, even if the process is killed midway:
 * the bytes go to a hidden temporary file in the same folder, which is then renamed into place; and after a power
 * loss the name leads to the whole file or to what was there before, since the bytes are forced to the disk before
 * the rename and the folder after it ({@link FileSync}).
 *
 * <p>The temporary file is made with {@code CREATE_NEW} (which neither follows a link nor opens a file someone
 * else made) under a random name, rather than with {@link Files#createTempFile}: that one gives the file mode 600,
 * so a web server running as another user could not read the cache, and its first call costs ~20 ms of
 * {@code SecureRandom} start-up. The file gets the process's usual mode, as any file it writes.
 */
public final class AtomicFiles {

    /** Characters of the target's name kept in the temporary's: with the rest, well under 255 bytes. */
    private static final int NAME_PREFIX = 48;
    private static final int ATTEMPTS = 8;

    /**
     * How old a temporary must be before a cleaner may take it for one a crash left behind. A write lasts
     * milliseconds, but several servers may share a folder and their clocks may differ by a little: minutes are
     * safe on both counts, and a crash leaves few enough files that they may wait that long.
     */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] data) throws IOException {
        write(target, data, Map.of());
    }

    /**
     * Writes the file with user extended attributes ({@code user.} + each key), set before the file appears under
     * its name so that no reader ever sees it without them; on a file system that keeps no user attributes the
     * file is written without them.
     */
    public static void write(Path target, byte[] data, Map<String, String> userAttributes) throws IOException {
        write(target, data, userAttributes, FileSync.DISK);
    }

    static void write(Path target, byte[] data, Map<String, String> userAttributes, FileSync sync)
            throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = create(folder, target.getFileName().toString(), data, userAttributes, sync);
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        sync.renamedIn(folder);
    }

    /** The temporary, whole, with its attributes and on disk when {@code sync} says so. */
    private static Path create(Path folder, String name, byte[] data, Map<String, String> userAttributes,
                               FileSync sync) throws IOException {
        int keep = Math.min(name.length(), NAME_PREFIX);
        if (keep > 0 && Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        String prefix = "." + name.substring(0, keep) + ".";
        for (int attempt = 1; ; attempt++) {
            Path temporary = folder.resolve(
                    prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            FileChannel out;
            try {
                out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            try (out) {
                ByteBuffer bytes = ByteBuffer.wrap(data);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                setUserAttributes(temporary, userAttributes);
                sync.written(out);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            return temporary;
        }
    }

    private static void setUserAttributes(Path file, Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return;
        }
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                view.write(attribute.getKey(), StandardCharsets.UTF_8.encode(attribute.getValue()));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No user attributes here (tmpfs before Linux 6.6, some network file systems): the file goes without.
        }
    }

    /** Whether a file name is one of our temporaries, which cache scans and cleaners should skip. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /**
     * Whether a file is one of our temporaries and was last written more than {@link #ABANDONED_AFTER} before
     * {@code now}: a crash left it, and no writer, here or on another server sharing the folder, still needs it.
     */
    public static boolean isAbandoned(Path file, FileTime modified, Instant now) {
        return isTemporary(file) && modified.toInstant().plus(ABANDONED_AFTER).isBefore(now);
    }
}
