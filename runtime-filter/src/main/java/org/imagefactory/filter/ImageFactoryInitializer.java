package org.imagefactory.filter;

import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * Registers the filter at {@code /picture/*} in any web app that has the jar, with no {@code web.xml} entry
 * (this runs even when {@code web.xml} is {@code metadata-complete}). It backs off when the web app declared the
 * filter itself, or sets the context-param {@code imagefactory.urlPattern} to {@code none}. The filter it registers
 * is marked as such: in a web app with no pictures folder yet, it stays out of the way instead of failing the
 * deployment of an application that only has the jar.
 */
public class ImageFactoryInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "imagefactory";
    static final String DEFAULT_URL_PATTERN = "/picture/*";
    static final String URL_PATTERN_PARAM = FilterSettings.CONTEXT_PARAM_PREFIX + "urlPattern";
    static final String REGISTERED_BY_INITIALIZER = FilterSettings.CONTEXT_PARAM_PREFIX + "registeredByInitializer";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (ImageFactoryFilter.class.getName().equals(registration.getClassName())) {
                return;
            }
        }
        String pattern = context.getInitParameter(URL_PATTERN_PARAM);
        if (pattern == null || pattern.isBlank()) {
            pattern = DEFAULT_URL_PATTERN;
        }
        if (pattern.strip().equals("none")) {
            return;
        }
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, ImageFactoryFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.setInitParameter(REGISTERED_BY_INITIALIZER, "true");
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, pattern.strip());
        }
    }
}
