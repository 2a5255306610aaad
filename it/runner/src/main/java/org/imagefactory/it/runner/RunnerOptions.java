package org.imagefactory.it.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The runner's command line. Every option may also come from the environment, so a container or a CI job can
 * configure it without arguments.
 *
 * @param port       TCP port on the loopback interface; 0 picks a free one
 * @param war        a war file or an exploded war folder to serve instead of the sample site inside the jar
 * @param signingKey the filter's HMAC key for signed URLs, passed to the web app as a context parameter; the
 *                   published {@link #DEV_SIGNING_KEY} when none is given, so the README's signed URL works as shown
 */
record RunnerOptions(int port, Optional<Path> war, String signingKey) {

    static final int DEFAULT_PORT = 8080;

    /** Known to everyone (the docs print it): the runner listens on localhost only and is for trying the site. */
    static final String DEV_SIGNING_KEY = "sample-site-dev-key";

    static final String USAGE = """
            usage: java -jar imagefactory-sample-site.jar [--port N] [--war PATH] [--signing-key KEY]
              --port N           port on localhost, 0 for any free port (env PORT, default 8080)
              --war PATH         serve this war file or exploded war folder instead of the sample site
              --signing-key KEY  secret for the filter's signed URLs (env IMAGEFACTORY_SIGNING_KEY,
                                 default the development key sample-site-dev-key)""";

    static RunnerOptions parse(String[] args, Map<String, String> env) {
        Integer port = env.containsKey("PORT") ? parsePort(env.get("PORT"), "environment variable PORT") : null;
        Path war = null;
        String signingKey = env.get("IMAGEFACTORY_SIGNING_KEY");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> port = parsePort(value, "--port");
                case "--war" -> war = existing(value);
                case "--signing-key" -> signingKey = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new RunnerOptions(port == null ? DEFAULT_PORT : port, Optional.ofNullable(war),
                signingKey == null || signingKey.isBlank() ? DEV_SIGNING_KEY : signingKey);
    }

    boolean usesTheDevKey() {
        return signingKey.equals(DEV_SIGNING_KEY);
    }

    private static int parsePort(String text, String source) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw new IllegalArgumentException(source + "='" + text + "' is not a port: expected a number from 0 to 65535");
    }

    private static Path existing(String text) {
        Path path = Path.of(text).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--war " + text + ": no such file or folder");
        }
        return path;
    }

    /** Thrown for {@code --help}: not an error, the runner prints the usage and exits 0. */
    static final class UsageRequested extends RuntimeException {
        UsageRequested() {
            super(null, null, false, false);
        }
    }
}
