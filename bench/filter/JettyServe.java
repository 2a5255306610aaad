import java.nio.file.Path;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Serves one unpacked web app folder at the root context on 127.0.0.1, with the filter jar on the class path
 * (the ServletContainerInitializer registers it): {@code java JettyServe.java <web app folder> <port>}.
 */
public final class JettyServe {

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[1]));
        server.addConnector(connector);
        WebAppContext webApp = new WebAppContext(Path.of(args[0]).toString(), "/");
        server.setHandler(webApp);
        server.start();
        System.out.println("ready on " + connector.getLocalPort());
        server.join();
    }
}
