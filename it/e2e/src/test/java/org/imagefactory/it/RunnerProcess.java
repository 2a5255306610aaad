package org.imagefactory.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runner jar started the way the README tells a user to ({@code java -jar ...}), on a free port: Jetty 12
 * serving a war. Its output goes to a log file; the URL it prints is where the site is.
 */
final class RunnerProcess implements SiteServer {

    private static final Pattern URL_LINE = Pattern.compile("imagefactory sample site: (http://localhost:\\d+/)");

    private final Process process;
    private final URI base;

    private RunnerProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts the runner on the war inside its jar ({@code war == null}) or on the given war or folder. */
    static RunnerProcess start(Path war, String signingKey, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", E2eFiles.runnerJar().toString(), "--port", "0"));
        if (war != null) {
            command.addAll(List.of("--war", war.toString()));
        }
        if (signingKey != null) {
            command.addAll(List.of("--signing-key", signingKey));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<URI> url = new CompletableFuture<>();
            Thread pump = new Thread(() -> copyOutput(process, log, url), "runner output");
            pump.setDaemon(true);
            pump.start();
            process.onExit().thenRun(() -> url.completeExceptionally(new IllegalStateException(
                    "the runner exited with status " + process.exitValue() + " before printing its URL; see " + log)));
            try {
                return new RunnerProcess(process, url.get(90, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("the runner printed no URL within 90 s; see " + log, e);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("the runner did not start: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<URI> url) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher matcher = URL_LINE.matcher(line);
                if (matcher.find()) {
                    url.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            url.completeExceptionally(e);
        }
    }

    @Override
    public URI base() {
        return base;
    }

    /** Stops the runner as Ctrl-C does (SIGTERM runs Jetty's shutdown hook) and waits for it to exit. */
    @Override
    public void close() {
        stop();
    }

    /** Stops the runner as Ctrl-C does; {@code true} when it exited by itself, not killed after the grace time. */
    boolean stop() {
        return !process.isAlive() || Processes.stop(process, 20);
    }
}
