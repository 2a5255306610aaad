package org.imagefactory.core.internal.jpeg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference: Debian's libjpeg-turbo command-line tools ({@code cjpeg}, {@code djpeg}, {@code jpegtran}).
 * Installed with apt-get when missing (CI machines start bare and run as root); tests are skipped with a
 * message only when that is impossible.
 */
final class Libjpeg {

    private static Boolean available;

    private Libjpeg() {
    }

    static synchronized void require() {
        if (available == null) {
            available = runs("djpeg", "-version") || (install() && runs("djpeg", "-version"));
        }
        assumeTrue(available, "libjpeg-turbo-progs (djpeg, cjpeg, jpegtran) is not installed and apt-get could "
                + "not install it; run 'apt-get install libjpeg-turbo-progs' as root to run these tests");
    }

    private static boolean install() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return false;
        }
        return runs("sh", "-c", "apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive "
                + "apt-get install -y -qq --no-install-recommends libjpeg-turbo-progs >/dev/null 2>&1");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Compresses an image with {@code cjpeg} and the given options. */
    static byte[] cjpeg(Raster image, String... options) {
        return withTempDir(dir -> {
            Path in = dir.resolve(image.channels() == 1 ? "in.pgm" : "in.ppm");
            Files.write(in, image.toPnm());
            return run(command("cjpeg", options, in.toString()));
        });
    }

    /** Decompresses with {@code djpeg -scale 1/scale} (islow IDCT, fancy upsampling: djpeg's defaults). */
    static Raster djpeg(byte[] jpeg, int scale) {
        return withTempDir(dir -> {
            Path in = dir.resolve("in.jpg");
            Files.write(in, jpeg);
            return Raster.fromPnm(run(List.of("djpeg", "-scale", "1/" + scale, "-pnm", in.toString())));
        });
    }

    /**
     * {@code djpeg -scale 1/scale} of a file libjpeg warns about ("Corrupt JPEG data: N extraneous bytes before
     * marker"), for which djpeg still writes the image and exits with status 2; any other failure still fails.
     */
    static Raster djpegDespiteWarnings(byte[] jpeg, int scale) {
        return withTempDir(dir -> {
            Path in = dir.resolve("in.jpg");
            Files.write(in, jpeg);
            return Raster.fromPnm(run(List.of("djpeg", "-scale", "1/" + scale, "-pnm", in.toString()), 2));
        });
    }

    static byte[] jpegtran(byte[] jpeg, String... options) {
        return withTempDir(dir -> {
            Path in = dir.resolve("in.jpg");
            Files.write(in, jpeg);
            return run(command("jpegtran", options, in.toString()));
        });
    }

    /** Writes a {@code -scans} script for cjpeg and returns its path's option pair. */
    static String[] scans(Path dir, String script) throws IOException {
        Path file = dir.resolve("scans.txt");
        Files.writeString(file, script, StandardCharsets.US_ASCII);
        return new String[] {"-scans", file.toString()};
    }

    private static List<String> command(String tool, String[] options, String input) {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(List.of(options));
        command.add(input);
        return command;
    }

    private static byte[] run(List<String> command) throws IOException {
        return run(command, 0);
    }

    /** Runs a tool and returns its output; an exit status other than 0 and {@code alsoAccepted} fails. */
    private static byte[] run(List<String> command, int alsoAccepted) throws IOException {
        Process p = new ProcessBuilder(command).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException ignored) {
                // The exit status below reports the failure.
            }
        });
        drain.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            int status = p.waitFor();
            drain.join();
            if (status != 0 && status != alsoAccepted) {
                throw new IOException(String.join(" ", command) + " failed: " + err.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    interface DirWork<T> {
        T in(Path dir) throws IOException;
    }

    static <T> T withTempDir(DirWork<T> work) {
        try {
            Path dir = Files.createTempDirectory("libjpeg");
            try {
                return work.in(dir);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
