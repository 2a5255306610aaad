import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Serves one war file in Tomcat 11 on a free loopback port, as a user's Tomcat would deploy it, until its standard
 * input closes. Prints {@code port N} once the web app has started, or exits with status 1 saying why it did not.
 * Run as a single source file ({@code java -cp <tomcat jars> TomcatWarServer.java <war> <work folder>}) by the
 * invoker scripts.
 */
public final class TomcatWarServer {

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path baseDir = Path.of(args[1]);
        Files.createDirectories(baseDir.resolve("webapps"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        // Tomcat's default web.xml also maps JSP, whose engine is not on this class path; the rest is added below.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context app = tomcat.addWebapp("", war.toAbsolutePath().toString());
        app.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Wrapper files = Tomcat.addServlet(app, "default", "org.apache.catalina.servlets.DefaultServlet");
                files.setLoadOnStartup(1);
                app.addServletMappingDecoded("/", "default");
                Tomcat.addDefaultMimeTypeMappings(app);
            }
        });
        tomcat.start();
        if (app.getState() != LifecycleState.STARTED) {
            System.out.println("Tomcat did not start " + war + ": web app state " + app.getState());
            tomcat.stop();
            System.exit(1);
        }
        System.out.println("port " + connector.getLocalPort());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        tomcat.stop();
        tomcat.destroy();
    }
}
