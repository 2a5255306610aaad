package org.imagefactory.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a program the tests drive (Chromium, nginx) and, when it is missing, installs its Debian package with
 * apt-get, as CI machines start bare. Installing needs root; without it the test fails and says what to install.
 */
final class DebianPackages {

    private static boolean listsUpdated;

    private DebianPackages() {
    }

    /** The absolute path of {@code program}, installing {@code packages} first when it is not on the PATH. */
    static synchronized Path require(String program, String... packages) {
        Optional<Path> found = find(program);
        if (found.isPresent()) {
            return found.get();
        }
        String install = "apt-get install -y " + String.join(" ", packages);
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException(program + " is not installed and the tests are not running as root: run '"
                    + install + "' first");
        }
        if (!listsUpdated) {
            run(List.of("apt-get", "update", "-q"));
            listsUpdated = true;
        }
        List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        command.addAll(List.of(packages));
        run(command);
        return find(program).orElseThrow(() -> new IllegalStateException(
                "'" + install + "' succeeded but " + program + " is still not on the PATH"));
    }

    private static Optional<Path> find(String program) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        folders.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return folders.stream().filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void run(List<String> command) {
        try {
            Path log = Files.createTempFile("apt-get-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over 10 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with status " + process.exitValue()
                        + ":\n" + tail(Files.readString(log)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    }
}
