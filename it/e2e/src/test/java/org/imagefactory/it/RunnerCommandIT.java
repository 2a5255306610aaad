package org.imagefactory.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's run command: {@code java -jar} prints the URL, serves the gallery, and stops on Ctrl-C (SIGTERM). */
class RunnerCommandIT {

    @Test
    void printsTheUrlServesTheGalleryAndStopsOnInterrupt() {
        Path log = E2eFiles.output("runner-command").resolve("runner.log");
        URI base;
        try (RunnerProcess runner = RunnerProcess.start(null, null, log)) {
            base = runner.base();
            assertThat(base.toString()).matches("http://localhost:\\d+/");
            assertThat(new String(Http.get(base).body(), StandardCharsets.UTF_8)).contains("imagefactory sample site");
            assertThat(runner.stop()).as("the runner exits by itself on SIGTERM").isTrue();
        }
        assertThat(listening(base.getPort())).as("port " + base.getPort() + " after the runner was stopped").isFalse();
    }

    @Test
    void aBadOptionIsRefusedWithTheUsage() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", E2eFiles.runnerJar().toString(), "--port", "eighty").redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("error: --port='eighty' is not a port", "usage: java -jar imagefactory-sample-site.jar");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
