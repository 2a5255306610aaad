package org.imagefactory.filter;

import java.nio.file.Path;

import jakarta.servlet.ServletContext;

/** An embedded servlet container serving several web app folders, on a loopback port. */
public interface Container extends AutoCloseable {

    void deploy(String contextPath, Path webAppFolder);

    /** Starts every deployed web app; returns the port. */
    int start() throws Exception;

    ServletContext context(String contextPath);

    /** Stops one web app, as an undeploy does. */
    void undeploy(String contextPath) throws Exception;

    @Override
    void close() throws Exception;
}
