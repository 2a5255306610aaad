package org.imagefactory.filter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves {@code <prefix>/<path>?scalex=&scaley=&encoding=&quality=}: the pre-generated file when the build made
 * it, else the runtime cache, else a variant generated into the cache. Configured with init-params or
 * context-params named {@code imagefactory.<param>}; see {@code docs/filter.md}.
 */
public class ImageFactoryFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(ImageFactoryFilter.class.getName());

    private PictureHandler handler;
    private List<String> prefixes;
    private ClassLoader webAppLoader;
    private ServletContext context;
    private String statisticsAttribute;

    @Override
    public void init(FilterConfig config) throws ServletException {
        context = config.getServletContext();
        webAppLoader = Thread.currentThread().getContextClassLoader();
        ImageIOPlugins.scan();
        FilterSettings settings;
        try {
            settings = FilterSettings.read(name -> {
                String value = config.getInitParameter(name);
                return value != null ? value : context.getInitParameter(FilterSettings.CONTEXT_PARAM_PREFIX + name);
            });
        } catch (IllegalArgumentException e) {
            throw new ServletException("imagefactory filter '" + config.getFilterName() + "': " + e.getMessage());
        }
        Path webAppSources = webAppFolder(settings.sourceRoot());
        Path sourceRoot = sourceRoot(settings.sourceRoot(), webAppSources);
        Pregenerated pregenerated = pregenerated(settings.pregeneratedRoot(), webAppSources != null);
        Path cacheRoot;
        try {
            Map<String, Path> others = new LinkedHashMap<>();
            others.put("sourceRoot", sourceRoot);
            others.put("pregeneratedRoot", pregenerated.directory().orElse(null));
            cacheRoot = CacheFolder.prepare(cacheRoot(settings.cacheDir()), others);
        } catch (IllegalArgumentException e) {
            throw new ServletException("imagefactory filter '" + config.getFilterName() + "': " + e.getMessage());
        }
        FilterStatistics statistics = new FilterStatistics();
        handler = new PictureHandler(settings, sourceRoot, pregenerated, cacheRoot, statistics);
        prefixes = prefixes(context.getFilterRegistration(config.getFilterName()));
        statisticsAttribute = FilterStatistics.ATTRIBUTE_PREFIX + config.getFilterName();
        context.setAttribute(statisticsAttribute, statistics);
        LOG.log(System.Logger.Level.INFO, "imagefactory: serving " + prefixes + " from " + sourceRoot
                + ", cache " + cacheRoot + ", sizePolicy " + settings.sizePolicy().name().toLowerCase(Locale.ROOT)
                + ", sizes " + handler.ladder().sizes() + ", qualities " + handler.ladder().qualities());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            String relative = relativePath(http);
            if (relative != null) {
                handler.handle(http, httpResponse, relative);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        if (handler != null) {
            handler.close();
        }
        if (context != null) {
            context.removeAttribute(statisticsAttribute);
        }
        if (webAppLoader != null) {
            ImageIOPlugins.deregister(webAppLoader);
        }
    }

    /** The raw path after the mapping prefix, or {@code null} when the request is not under one. */
    private String relativePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (!uri.startsWith(contextPath)) {
            return null;
        }
        String path = uri.substring(contextPath.length());
        for (String prefix : prefixes) {
            if (path.startsWith(prefix + "/")) {
                return path.substring(prefix.length() + 1);
            }
        }
        return null;
    }

    /** A folder of the web app when it has one by that name, otherwise an absolute directory. */
    private Path sourceRoot(String configured, Path inWebApp) throws ServletException {
        Path root = inWebApp;
        if (root == null) {
            root = Path.of(configured);
            if (!root.isAbsolute()) {
                throw new ServletException("imagefactory: sourceRoot '" + configured + "' is neither a folder of"
                        + " the web app nor an absolute directory");
            }
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "imagefactory: sourceRoot " + root + " does not exist; every"
                    + " picture is 404 until it does and the web app restarts");
            return null;
        }
    }

    /** Pre-generated files in the web app ship with sources in the web app: one build made both. */
    private Pregenerated pregenerated(String configured, boolean sourcesInWebApp) {
        Path folder = webAppFolder(configured);
        if (folder != null) {
            Pregenerated inWebApp = Pregenerated.inDirectory(folder);
            return sourcesInWebApp ? inWebApp.shippedWithSources() : inWebApp;
        }
        Path absolute = Path.of(configured);
        if (absolute.isAbsolute() && Files.isDirectory(absolute)) {
            return Pregenerated.inDirectory(absolute);
        }
        if (!configured.startsWith("/")) {
            return Pregenerated.none();
        }
        Pregenerated packed = Pregenerated.inWebApp(context, configured);
        return sourcesInWebApp ? packed.shippedWithSources() : packed;
    }

    private Path cacheRoot(String configured) throws ServletException {
        if (configured != null) {
            Path root = Path.of(configured);
            if (!root.isAbsolute()) {
                throw new ServletException("imagefactory: cacheDir '" + configured + "' must be an absolute path");
            }
            return root;
        }
        Object temp = context.getAttribute(ServletContext.TEMPDIR);
        Path base = temp instanceof File file ? file.toPath() : Path.of(System.getProperty("java.io.tmpdir"));
        return base.resolve("imagefactory");
    }

    /** The web app's folder for a path such as {@code /pictures}, or {@code null} when it has none on disk. */
    private Path webAppFolder(String webAppPath) {
        if (!webAppPath.startsWith("/")) {
            return null;
        }
        String real = context.getRealPath(webAppPath);
        if (real == null || !Files.isDirectory(Path.of(real))) {
            return null;
        }
        return Path.of(real);
    }

    /**
     * The prefixes to strip, longest first: {@code /picture} for a mapping {@code /picture/*}; a mapping by
     * servlet name or an exact or extension pattern strips nothing.
     */
    static List<String> prefixes(FilterRegistration registration) {
        List<String> prefixes = new ArrayList<>();
        if (registration != null) {
            for (String pattern : registration.getUrlPatternMappings()) {
                prefixes.add(pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : "");
            }
        }
        if (prefixes.isEmpty()) {
            prefixes.add("");
        }
        prefixes.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(new LinkedHashSet<>(prefixes));
    }
}
