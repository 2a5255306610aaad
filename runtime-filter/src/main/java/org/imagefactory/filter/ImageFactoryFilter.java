package org.imagefactory.filter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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

import org.imagefactory.core.SourceRoot;

/**
 * Serves {@code <prefix>/<path>?scalex=&scaley=&encoding=&quality=}: the pre-generated file when the build made
 * it, else the runtime cache, else a variant generated into the cache. Configured with init-params or
 * context-params named {@code imagefactory.<param>}; see {@code docs/filter.md}. It never starts without a source
 * root that exists, and under a mapping that is no prefix of its own ({@code /*}, {@code *.jpg}, a servlet name)
 * it answers only requests for pictures it has and passes everything else down the chain.
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
        UnaryOperator<String> parameters = name -> {
            String value = config.getInitParameter(name);
            return value != null ? value : context.getInitParameter(FilterSettings.CONTEXT_PARAM_PREFIX + name);
        };
        try {
            settings = FilterSettings.read(parameters);
        } catch (IllegalArgumentException e) {
            throw new ServletException("imagefactory filter '" + config.getFilterName() + "': " + e.getMessage());
        }
        Path webAppSources = webAppFolder(settings.sourceRoot());
        boolean configured = parameters.apply("sourceRoot") != null;
        if (webAppSources == null && !configured
                && config.getInitParameter(ImageFactoryInitializer.REGISTERED_BY_INITIALIZER) != null) {
            LOG.log(System.Logger.Level.WARNING, "imagefactory: filter '" + config.getFilterName() + "' serves"
                    + " nothing: this web app has no " + settings.sourceRoot() + " folder. Put pictures there, or set"
                    + " the context-param " + FilterSettings.CONTEXT_PARAM_PREFIX + "sourceRoot to their folder ("
                    + ImageFactoryInitializer.URL_PATTERN_PARAM + " none turns the filter off)");
            return;
        }
        SourceRoot sourceRoot = sourceRoot(config.getFilterName(), settings, configured, webAppSources);
        Pregenerated pregenerated = pregenerated(settings.pregeneratedRoot(), webAppSources != null);
        Path cacheRoot;
        try {
            Map<String, Path> others = new LinkedHashMap<>();
            others.put("sourceRoot", sourceRoot.directory());
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
        LOG.log(System.Logger.Level.INFO, "imagefactory: filter '" + config.getFilterName() + "' serves "
                + describe(prefixes) + " from " + sourceRoot.directory()
                + (settings.allowLinking() ? " (links followed)" : "") + ", cache " + cacheRoot
                + ", sizePolicy " + settings.sizePolicy().name().toLowerCase(Locale.ROOT)
                + ", sizes " + handler.ladder().sizes() + ", qualities " + handler.ladder().qualities());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (handler != null && request instanceof HttpServletRequest http
                && response instanceof HttpServletResponse httpResponse) {
            String path = pathInContext(http);
            String prefix = path == null ? null : prefix(path);
            if (prefix != null && handler.handle(http, httpResponse, path.substring(prefix.length() + 1),
                    !prefix.isEmpty())) {
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

    /** The raw (still percent-encoded) path in the web app, or {@code null} when the URI is not in it. */
    private static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : null;
    }

    /** The longest prefix the path is under ({@code ""} for a mapping with none), or {@code null}. */
    private String prefix(String path) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix + "/")) {
                return prefix;
            }
        }
        return null;
    }

    private static String describe(List<String> prefixes) {
        return prefixes.stream().map(prefix -> prefix.isEmpty()
                        ? "the pictures it has wherever else it is mapped (every other request goes down the chain)"
                        : prefix + "/*")
                .collect(Collectors.joining(", "));
    }

    /**
     * A folder of the web app when it has one by that name, otherwise an absolute directory; it must exist, so
     * that a filter declared without its parameters (a Spring bean, which is mapped to {@code /*}) stops the
     * start-up with a message instead of answering for the whole web app.
     */
    private SourceRoot sourceRoot(String filterName, FilterSettings settings, boolean configured, Path inWebApp)
            throws ServletException {
        String value = settings.sourceRoot();
        try {
            Path root = inWebApp != null ? inWebApp : Path.of(value);
            if (root.isAbsolute()) {
                return SourceRoot.of(root, settings.allowLinking(), hiddenFolders());
            }
        } catch (IOException | InvalidPathException e) {
            // no such folder: reported below with what to set
        }
        throw new ServletException("imagefactory filter '" + filterName + "': "
                + (configured ? "sourceRoot '" + value + "'" : "sourceRoot is not set and the default '" + value + "'")
                + " is neither a folder of this web app nor an existing absolute directory. Set the init-param"
                + " sourceRoot (or the context-param " + FilterSettings.CONTEXT_PARAM_PREFIX + "sourceRoot) to"
                + " the folder of your pictures, such as /pictures in the web app or /srv/pictures on disk, and map"
                + " the filter to its own prefix such as /picture/*; in Spring Boot, register it with a"
                + " FilterRegistrationBean (addInitParameter(\"sourceRoot\", ...), addUrlPatterns(\"/picture/*\"));"
                + " see docs/filter.md");
    }

    /** The web app's own private folders, which a source root around them must not serve. */
    private List<Path> hiddenFolders() {
        String webApp = context.getRealPath("/");
        if (webApp == null) {
            return List.of();
        }
        return List.of(Path.of(webApp, "WEB-INF"), Path.of(webApp, "META-INF"));
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
