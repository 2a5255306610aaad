package org.imagefactory.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader sees either nothing or the whole file, even if the process is killed midway:
 * the bytes go to a hidden temporary file in the same folder, which is then renamed into place.
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

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] data) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = create(folder, target.getFileName().toString(), data);
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path create(Path folder, String name, byte[] data) throws IOException {
        int keep = Math.min(name.length(), NAME_PREFIX);
        if (keep > 0 && Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        String prefix = "." + name.substring(0, keep) + ".";
        for (int attempt = 1; ; attempt++) {
            Path temporary = folder.resolve(
                    prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            OutputStream out;
            try {
                out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            try (out) {
                out.write(data);
            } catch (IOException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            return temporary;
        }
    }

    /** Whether a file name is one of our temporaries, which cache scans and cleaners should skip. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }
}
