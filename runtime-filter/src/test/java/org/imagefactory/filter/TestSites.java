package org.imagefactory.filter;

import java.awt.Color;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.imagefactory.core.VariantManifest;
import org.imagefactory.core.VariantRequest;

/**
 * The web apps the container tests deploy, each a folder with pictures and, for some, a {@code web.xml}:
 * <ul>
 *   <li>{@code /site}: no filter declared (the initializer registers it), a build manifest and one pre-generated
 *       file, policy {@code snap}, a signing key;</li>
 *   <li>{@code /strict}: the filter declared in {@code web.xml} at {@code /img/*} with init-params;</li>
 *   <li>{@code /any}: policy {@code any}, for the URL contract itself, files checked on every request;</li>
 *   <li>{@code /busy}: one generation at a time and a queue of one;</li>
 *   <li>{@code /small}: a cache capped at {@link #SMALL_CACHE_BYTES}, files trusted unchecked for an hour;</li>
 *   <li>{@code /nocache}: a cache folder that cannot be created;</li>
 *   <li>{@code /root} and {@code /linked}: the web app itself as the source root, with links into its
 *       {@code WEB-INF}, out of the root and within it; {@code /linked} follows links;</li>
 *   <li>{@code /bean}: no pictures, and the filter registered at {@code /*} without parameters, as a Spring bean
 *       is;</li>
 *   <li>{@code /everything}: the filter registered at {@code /*} over {@code /pictures}, beside the web app's
 *       own page;</li>
 *   <li>{@code /twin-a}, {@code /twin-b}: two servers sharing one cache, each with its own byte-identical copy of
 *       the pictures and pre-generated files, {@code /twin-b}'s dated an hour later (an unpacked war's dates);</li>
 *   <li>{@code /tight}: a cache on a 1 MiB disk of its own (a tmpfs, mounted where the tests may: as root);</li>
 *   <li>{@code /slow}: one generation at a time, a deadline of 100 ms, {@code photos/slow.gif};</li>
 *   <li>{@code /waiters}: one generation at a time, a queue of {@link #WAITERS_QUEUE}, {@code photos/slow.gif};</li>
 *   <li>{@code /lowmemory}: two generations at a time but a memory budget that only one fits, a long queue;</li>
 *   <li>{@code /nopictures}: a page and the jar, no pictures folder and no parameters (a war that has just added
 *       the dependency).</li>
 * </ul>
 */
final class TestSites implements AutoCloseable {

    static final String SITE_KEY = "site-secret";
    static final String STRICT_KEY = "strict-secret";
    static final String ANY_KEY = "any-secret";
    static final String SECRET = "TOP-SECRET-" + TestSites.class.hashCode();
    static final long SMALL_CACHE_BYTES = 40_000;
    static final int WAITERS_QUEUE = 3;
    static final Color CAT = new Color(0xE0, 0x80, 0x20);
    static final Color PREGENERATED = new Color(0xFF, 0x00, 0xFF);
    static final String PAGE = "the web app's own page";

    final Path root;
    final Path anyCache;
    final Path smallCache;
    final Path strictCache;
    final Path twinCache;
    final Path tightCache;
    final boolean tightCacheMounted;

    TestSites(Path root) throws IOException {
        this.root = root;
        this.anyCache = root.resolve("any-cache");
        this.smallCache = root.resolve("small-cache");
        this.strictCache = root.resolve("strict-cache");
        this.twinCache = root.resolve("twin-cache");
        this.tightCache = Files.createDirectories(root.resolve("tight-cache"));
        this.tightCacheMounted = mountTmpfs(tightCache, "1m");
        Files.writeString(root.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("not-a-folder"), "a file where the nocache context wants a folder");
        site();
        webApp("strict", Map.of(), filterDeclaration(Map.of("sizePolicy", "strict", "allowedSizes", "100, 200",
                "allowedQualities", "60", "allowedFits", "cover", "allowedGravities", "north, fp:0.3,0.7",
                "signingKey", STRICT_KEY, "cacheDir", strictCache.toString())));
        // Fifty requests for one variant at once wait for it: waiters count against the queue.
        webApp("any", Map.of("sizePolicy", "any", "signingKey", ANY_KEY, "cacheDir", anyCache.toString(),
                "fileCheckInterval", "0", "allowLinking", "true", "queueSize", "64"), "");
        webApp("busy", Map.of("sizePolicy", "any", "maxConcurrent", "1", "queueSize", "1",
                "queueTimeout", "50ms"), "");
        webApp("small", Map.of("sizePolicy", "any", "cacheMaxBytes", Long.toString(SMALL_CACHE_BYTES),
                "cacheDir", smallCache.toString(), "fileCheckInterval", "3600s"), "");
        webApp("nocache", Map.of("sizePolicy", "any",
                "cacheDir", root.resolve("not-a-folder").resolve("cache").toString()), "");
        webAppAsSourceRoot("root", false);
        webAppAsSourceRoot("linked", true);
        registeredOnEverything("bean", Map.of());
        registeredOnEverything("everything", Map.of("sourceRoot", "/pictures"));
        writeWebXml("nopictures", Map.of(), "");
        Files.writeString(webApp("nopictures").resolve("index.html"), PAGE);
        twins();
        webApp("tight", Map.of("sizePolicy", "any", "cacheDir", tightCache.toString()), "");
        webApp("slow", Map.of("sizePolicy", "any", "maxConcurrent", "1", "queueTimeout", "100ms",
                "generationTimeout", "100ms"), "");
        webApp("waiters", Map.of("sizePolicy", "any", "maxConcurrent", "1", "queueSize",
                Integer.toString(WAITERS_QUEUE), "queueTimeout", "30s"), "");
        webApp("lowmemory", Map.of("sizePolicy", "any", "maxConcurrent", "2", "queueTimeout", "30s",
                "generationMemory", "1m"), "");
        for (String name : List.of("slow", "waiters")) {
            Files.write(pictures(name).resolve("photos/slow.gif"), TestImages.slowGif());
        }
        TestImages.write(pictures("slow").resolve("photos/tiny.png"), TestImages.picture(32, 32, CAT, false), "png");
        Path big = pictures("busy").resolve("photos/big.jpg");
        TestImages.write(big, TestImages.picture(4000, 3000, Color.GREEN, true), "jpeg");
        Files.copy(big, pictures("any").resolve("photos/big.jpg"));
        Files.copy(big, pictures("lowmemory").resolve("photos/big.jpg"));
    }

    Path webApp(String name) {
        return root.resolve(name);
    }

    Path pictures(String name) {
        return webApp(name).resolve("pictures");
    }

    /** Whether files in this folder keep user extended attributes, where the filter records a variant's origin. */
    static boolean keepsUserAttributes(Path folder) throws IOException {
        Path probe = Files.createTempFile(folder, "attributes", ".probe");
        try {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
            if (view == null) {
                return false;
            }
            view.write("imagefactory.probe", ByteBuffer.wrap(new byte[] {1}));
            return view.size("imagefactory.probe") == 1;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            Files.delete(probe);
        }
    }

    /** Unmounts the tight cache's disk. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (tightCacheMounted) {
            new ProcessBuilder("umount", tightCache.toString()).inheritIO().start().waitFor();
        }
    }

    /** Mounts a tmpfs of this size on the folder, when this process may (as root); whether it did. */
    private static boolean mountTmpfs(Path folder, String size) {
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "imagefactory-test",
                    folder.toString()).redirectErrorStream(true).start();
            mount.getInputStream().readAllBytes();
            return mount.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void twins() throws IOException {
        Map<String, String> params = Map.of("sizePolicy", "any", "cacheDir", twinCache.toString());
        webApp("twin-a", params, "");
        String variant = "photos/cat.jpg/x-320-y-800-cat.jpeg";
        Path built = webApp("twin-a").resolve("WEB-INF/imagefactory");
        TestImages.write(built.resolve(variant), TestImages.picture(320, 213, PREGENERATED, false), "jpeg");
        new VariantManifest(List.of(VariantRequest.of("320", null, null, null)), List.of(variant))
                .write(built.resolve(VariantManifest.FILE_NAME));
        webApp("twin-b", params, "");
        Instant later = Instant.now().plusSeconds(3600);
        for (String file : List.of("pictures/photos/cat.jpg", "WEB-INF/imagefactory/" + variant,
                "WEB-INF/imagefactory/" + VariantManifest.FILE_NAME)) {
            Path copy = webApp("twin-b").resolve(file);
            Files.createDirectories(copy.getParent());
            Files.copy(webApp("twin-a").resolve(file), copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(copy, FileTime.from(later));
        }
    }

    private void site() throws IOException {
        webApp("site", Map.of("signingKey", SITE_KEY), "");
        Path pictures = pictures("site");
        for (String hidden : List.of("WEB-INF/hidden.jpg", "META-INF/hidden.jpg")) {
            Files.createDirectories(pictures.resolve(hidden).getParent());
            Files.copy(pictures.resolve("photos/cat.jpg"), pictures.resolve(hidden));
        }
        Files.writeString(webApp("site").resolve("WEB-INF/secret.jpg"), SECRET);
        Files.createSymbolicLink(pictures.resolve("photos/link.jpg"), root.resolve("secret.txt"));
        Path pregenerated = webApp("site").resolve("WEB-INF/imagefactory");
        String variant = "photos/cat.jpg/x-320-y-800-cat.jpeg";
        TestImages.write(pregenerated.resolve(variant), TestImages.picture(320, 213, PREGENERATED, false), "jpeg");
        // A container that unpacks the war stamps files with unpack times, in any order: a variant built with
        // its source in one war may look older than the source and must still count as pre-generated.
        Files.setLastModifiedTime(pregenerated.resolve(variant), FileTime.from(Instant.now().minusSeconds(3600)));
        new VariantManifest(List.of(VariantRequest.of("320", null, null, null),
                VariantRequest.of("640", null, "webp", null)), List.of(variant))
                .write(pregenerated.resolve(VariantManifest.FILE_NAME));
    }

    /**
     * A web app that is its own source root, with a picture in {@code WEB-INF} and links to it (to the file, and to
     * the folder), to a picture outside the root and to one inside it.
     */
    private void webAppAsSourceRoot(String name, boolean allowLinking) throws IOException {
        webApp(name, Map.of("sourceRoot", "/", "sizePolicy", "any", "allowLinking", Boolean.toString(allowLinking)),
                "");
        Path photos = pictures(name).resolve("photos");
        Files.copy(photos.resolve("cat.jpg"), webApp(name).resolve("WEB-INF/private.jpg"));
        Files.copy(photos.resolve("cat.jpg"), root.resolve(name + "-outside.jpg"));
        Files.createSymbolicLink(photos.resolve("private.jpg"), Path.of("../../WEB-INF/private.jpg"));
        Files.createSymbolicLink(pictures(name).resolve("private"), Path.of("../WEB-INF"));
        Files.createSymbolicLink(photos.resolve("outside.jpg"), root.resolve(name + "-outside.jpg"));
        Files.createSymbolicLink(photos.resolve("alias.jpg"), Path.of("cat.jpg"));
    }

    /**
     * A web app whose listener registers the filter at {@code /*} with these init-params, as Spring Boot registers
     * a filter bean, beside a page of its own; pictures only when the filter is told where they are.
     */
    private void registeredOnEverything(String name, Map<String, String> initParams) throws IOException {
        String params = initParams.entrySet().stream()
                .map(e -> "  <context-param><param-name>" + RegistersFilterOnEverything.INIT_PARAM_PREFIX + e.getKey()
                        + "</param-name><param-value>" + e.getValue() + "</param-value></context-param>\n")
                .collect(Collectors.joining());
        String listener = params + "  <listener><listener-class>" + RegistersFilterOnEverything.class.getName()
                + "</listener-class></listener>\n";
        if (initParams.isEmpty()) {
            writeWebXml(name, Map.of("urlPattern", "none"), listener);
        } else {
            webApp(name, Map.of("urlPattern", "none"), listener);
        }
        Files.writeString(webApp(name).resolve("index.html"), PAGE);
    }

    /** A web app with the common pictures, context-params {@code imagefactory.<name>} and extra web.xml. */
    private void webApp(String name, Map<String, String> contextParams, String declarations) throws IOException {
        Path pictures = pictures(name);
        TestImages.write(pictures.resolve("photos/cat.jpg"), TestImages.picture(1200, 800, CAT, true), "jpeg");
        TestImages.write(pictures.resolve("photos/dog.png"), TestImages.picture(600, 400, Color.BLUE, false), "png");
        byte[] cat = Files.readAllBytes(pictures.resolve("photos/cat.jpg"));
        Files.write(pictures.resolve("photos/broken.jpg"), Arrays.copyOf(cat, cat.length / 3));
        Files.write(pictures.resolve("photos/empty.jpg"), new byte[0]);
        Files.writeString(pictures.resolve("photos/notes.jpg"), "these are notes, not a picture\n");
        Files.write(pictures.resolve("photos/bomb.png"), TestImages.pngHeader(100_000, 100_000));
        writeWebXml(name, contextParams, declarations);
    }

    private void writeWebXml(String name, Map<String, String> contextParams, String declarations)
            throws IOException {
        String params = contextParams.entrySet().stream()
                .map(e -> "  <context-param><param-name>imagefactory." + e.getKey() + "</param-name><param-value>"
                        + e.getValue() + "</param-value></context-param>\n")
                .collect(Collectors.joining());
        Path webXml = webApp(name).resolve("WEB-INF/web.xml");
        Files.createDirectories(webXml.getParent());
        Files.writeString(webXml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                %s%s</web-app>
                """.formatted(params, declarations), StandardCharsets.UTF_8);
    }

    private static String filterDeclaration(Map<String, String> initParams) {
        String params = initParams.entrySet().stream()
                .map(e -> "    <init-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></init-param>\n")
                .collect(Collectors.joining());
        return """
                  <filter>
                    <filter-name>pictures</filter-name>
                    <filter-class>org.imagefactory.filter.ImageFactoryFilter</filter-class>
                %s  </filter>
                  <filter-mapping><filter-name>pictures</filter-name><url-pattern>/img/*</url-pattern></filter-mapping>
                """.formatted(params);
    }
}
