package org.imagefactory.it.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Serves the sample site (the war built by {@code it/site}, embedded in this jar) with Jetty 12 on
 * {@code http://localhost:8080/} and prints the URL. Ctrl-C stops it.
 */
public final class SampleSiteRunner {

    /** Where the build puts the sample site's war inside this jar. */
    static final String EMBEDDED_WAR = "/sample-site.war";

    /** The filter reads its overrides from context parameters named {@code imagefactory.<param>}. */
    static final String SIGNING_KEY_PARAMETER = "imagefactory.signingKey";

    private SampleSiteRunner() {
    }

    public static void main(String[] args) throws Exception {
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args, System.getenv());
        } catch (RunnerOptions.UsageRequested help) {
            System.out.println(RunnerOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(RunnerOptions.USAGE);
            System.exit(2);
            return;
        }
        Server server = start(options);
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        System.out.println("imagefactory sample site: http://localhost:" + port + "/  (Ctrl-C stops)");
        System.out.println(options.usesTheDevKey()
                ? "signed URLs: signingKey '" + RunnerOptions.DEV_SIGNING_KEY
                        + "', a development key (--signing-key KEY sets another)"
                : "signed URLs: the signingKey given with --signing-key or IMAGEFACTORY_SIGNING_KEY");
        server.join();
    }

    static Server start(RunnerOptions options) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(options.port());
        server.addConnector(connector);

        WebAppContext site = new WebAppContext();
        site.setContextPath("/");
        site.setWar(options.war().orElseGet(SampleSiteRunner::extractEmbeddedWar).toString());
        site.setInitParameter(SIGNING_KEY_PARAMETER, options.signingKey());
        site.setThrowUnavailableOnStartupException(true);
        server.setHandler(site);
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (IOException e) {
            server.stop();
            throw new IOException("cannot listen on localhost:" + options.port()
                    + " (" + e.getMessage() + "): is another server using it? Try --port 0 or PORT=8081", e);
        }
        return server;
    }

    /** Jetty needs a war on disk; the copy is removed when the JVM exits. */
    private static Path extractEmbeddedWar() {
        try (InputStream war = SampleSiteRunner.class.getResourceAsStream(EMBEDDED_WAR)) {
            if (war == null) {
                throw new IllegalStateException("this jar holds no " + EMBEDDED_WAR
                        + ": build it with 'mvn package' in it/runner, or pass --war PATH");
            }
            Path file = Files.createTempFile("imagefactory-sample-site-", ".war");
            file.toFile().deleteOnExit();
            Files.copy(war, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the embedded war to a temporary file", e);
        }
    }
}
