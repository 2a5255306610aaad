package org.imagefactory.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The built artifacts and folders the tests use, passed in by the POM as system properties. */
final class E2eFiles {

    private E2eFiles() {
    }

    /** The sample site's war, built by {@code it/site}. */
    static Path war() {
        return existing("site.war", "build it/site first: mvn -B package -pl it/site -am");
    }

    /** The executable runner jar, built by {@code it/runner}. */
    static Path runnerJar() {
        return existing("runner.jar", "build it/runner first: mvn -B package -pl it/runner -am");
    }

    /** The site's source pictures. */
    static Path pictures() {
        return existing("site.pictures", "it/site/src/main/webapp/pictures is part of the checkout");
    }

    /** The project's root folder (with README.md and docs/), found above the site's pictures. */
    static Path checkout() {
        for (Path folder = pictures(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("README.md")) && Files.isDirectory(folder.resolve("docs"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no README.md with a docs/ folder above " + pictures());
    }

    /** A fresh folder under {@code target/e2e} for logs, screenshots and server state. */
    static Path output(String name) {
        Path folder = Path.of(System.getProperty("e2e.output", "target/e2e")).resolve(name);
        try {
            if (Files.exists(folder)) {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder, e);
        }
    }

    private static Path existing(String property, String hint) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests with mvn verify");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist: " + hint);
        }
        return path;
    }
}
