package org.imagefactory.filter;

import java.util.Collections;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registers the filter at {@code /*}, as Spring Boot registers a {@code Filter} bean: an instance, no URL pattern
 * of its own, and only the init-params given as context-params {@code test.filter.<name>}.
 */
public class RegistersFilterOnEverything implements ServletContextListener {

    static final String INIT_PARAM_PREFIX = "test.filter.";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        FilterRegistration.Dynamic filter = context.addFilter("imageFactoryFilter", new ImageFactoryFilter());
        for (String name : Collections.list(context.getInitParameterNames())) {
            if (name.startsWith(INIT_PARAM_PREFIX)) {
                filter.setInitParameter(name.substring(INIT_PARAM_PREFIX.length()), context.getInitParameter(name));
            }
        }
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
