package org.imagefactory.filter.tomcat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.imagefactory.filter.Container;

/**
 * Embedded Tomcat 11: each web app an unpacked folder, with the default servlet and MIME types, no JSP. Tomcat
 * keeps no start-up failure of a web app, only logs it: the logs of its containers are watched for them.
 */
final class TomcatContainer implements Container {

    private final Tomcat tomcat = new Tomcat();
    private final Map<String, Context> webApps = new LinkedHashMap<>();
    private final Logger containerLog = Logger.getLogger("org.apache.catalina.core");
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Handler failureWatch = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null) {
                failures.merge(record.getLoggerName(), Container.messages(record.getThrown()), String::concat);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    TomcatContainer(Path work) {
        tomcat.setBaseDir(work.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        tomcat.setAddDefaultWebXmlToWebapp(false);
        containerLog.addHandler(failureWatch);
    }

    @Override
    public void deploy(String contextPath, Path webAppFolder) {
        Context context = tomcat.addWebapp(contextPath, webAppFolder.toString());
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        Tomcat.addServlet(context, "default", DefaultServlet.class.getName());
        context.addServletMappingDecoded("/", "default");
        Tomcat.addDefaultMimeTypeMappings(context);
        webApps.put(contextPath, context);
    }

    @Override
    public int start() throws Exception {
        tomcat.start();
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public ServletContext context(String contextPath) {
        return webApps.get(contextPath).getServletContext();
    }

    @Override
    public String startFailure(String contextPath) {
        return failures.entrySet().stream().filter(entry -> entry.getKey().endsWith(".[" + contextPath + "]"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Override
    public void undeploy(String contextPath) throws Exception {
        webApps.get(contextPath).stop();
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        containerLog.removeHandler(failureWatch);
    }
}
