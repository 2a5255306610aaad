package org.imagefactory.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** Tomcat 11 in this JVM, serving a war file or an exploded war folder at the root context on loopback. */
final class EmbeddedTomcat implements SiteServer {

    private final Tomcat tomcat;
    private final URI base;

    private EmbeddedTomcat(Tomcat tomcat, URI base) {
        this.tomcat = tomcat;
        this.base = base;
    }

    static EmbeddedTomcat start(Path war, String signingKey, Path baseDir) {
        Tomcat tomcat = new Tomcat();
        try {
            tomcat.setBaseDir(baseDir.toString());
            Files.createDirectories(baseDir.resolve("webapps"));
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            tomcat.getHost().setAutoDeploy(false);
            // The default web.xml also maps JSP, which this site does not use and whose engine is not on the class path.
            tomcat.setAddDefaultWebXmlToWebapp(false);
            Context site = tomcat.addWebapp("", war.toString());
            site.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    addDefaults(site);
                }
            });
            if (signingKey != null) {
                site.addParameter("imagefactory.signingKey", signingKey);
            }
            tomcat.start();
            if (site.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("Tomcat did not start the web app " + war + ": state " + site.getState());
            }
            return new EmbeddedTomcat(tomcat, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
        } catch (LifecycleException | java.io.IOException e) {
            stopQuietly(tomcat);
            throw new IllegalStateException("Tomcat did not start with " + war + ": " + e.getMessage(), e);
        }
    }

    /** What Tomcat's default web.xml gives a web app, less JSP: static files, welcome files and MIME types. */
    private static void addDefaults(Context site) {
        Wrapper files = Tomcat.addServlet(site, "default", "org.apache.catalina.servlets.DefaultServlet");
        files.setLoadOnStartup(1);
        site.addServletMappingDecoded("/", "default");
        site.addWelcomeFile("index.html");
        Tomcat.addDefaultMimeTypeMappings(site);
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public void close() {
        stopQuietly(tomcat);
    }

    private static void stopQuietly(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        }
    }
}
