package org.imagefactory.filter.jetty;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletContext;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.imagefactory.filter.Container;

/** Embedded Jetty 12 (ee10), each web app a {@link WebAppContext} over an unpacked folder. */
final class JettyContainer implements Container {

    private final Server server = new Server();
    private final ContextHandlerCollection contexts = new ContextHandlerCollection();
    private final Map<String, WebAppContext> webApps = new LinkedHashMap<>();
    private final Path work;

    JettyContainer(Path work) {
        this.work = work;
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(contexts);
    }

    @Override
    public void deploy(String contextPath, Path webAppFolder) {
        WebAppContext webApp = new WebAppContext(webAppFolder.toString(), contextPath);
        webApp.setTempDirectory(work.resolve(contextPath.substring(1)).toFile());
        webApps.put(contextPath, webApp);
        contexts.addHandler(webApp);
    }

    @Override
    public int start() throws Exception {
        server.start();
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public ServletContext context(String contextPath) {
        return webApps.get(contextPath).getServletContext();
    }

    @Override
    public String startFailure(String contextPath) {
        Throwable failure = webApps.get(contextPath).getUnavailableException();
        return failure == null ? null : Container.messages(failure);
    }

    @Override
    public void undeploy(String contextPath) throws Exception {
        webApps.get(contextPath).stop();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
