package org.imagefactory.filter;

import java.nio.file.Path;

import jakarta.servlet.ServletContext;

/** An embedded servlet container serving several web app folders, on a loopback port. */
public interface Container extends AutoCloseable {

    void deploy(String contextPath, Path webAppFolder);

    /** Starts every deployed web app; returns the port. */
    int start() throws Exception;

    ServletContext context(String contextPath);

    /** The messages of why a web app did not start, causes included, or {@code null} when it started. */
    String startFailure(String contextPath);

    /** The messages of a throwable and its causes, one per line. */
    static String messages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** Stops one web app, as an undeploy does. */
    void undeploy(String contextPath) throws Exception;

    @Override
    void close() throws Exception;
}
