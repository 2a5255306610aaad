package org.imagefactory.filter;

import java.awt.Color;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *   <li>{@code /slow}: one generation at a time, a deadline of 100 ms, {@code photos/slow.gif};</li>
 *   <li>{@code /waiters}: one generation at a time, a queue of {@link #WAITERS_QUEUE}, {@code photos/slow.gif};</li>
 *   <li>{@code /lowmemory}: two generations at a time but a memory budget that only one fits, a long queue.</li>
 * </ul>
 */
final class TestSites {

    static final String SITE_KEY = "site-secret";
    static final String STRICT_KEY = "strict-secret";
    static final String ANY_KEY = "any-secret";
    static final String SECRET = "TOP-SECRET-" + TestSites.class.hashCode();
    static final long SMALL_CACHE_BYTES = 40_000;
    static final int WAITERS_QUEUE = 3;
    static final Color CAT = new Color(0xE0, 0x80, 0x20);
    static final Color PREGENERATED = new Color(0xFF, 0x00, 0xFF);

    final Path root;
    final Path anyCache;
    final Path smallCache;
    final Path strictCache;

    TestSites(Path root) throws IOException {
        this.root = root;
        this.anyCache = root.resolve("any-cache");
        this.smallCache = root.resolve("small-cache");
        this.strictCache = root.resolve("strict-cache");
        Files.writeString(root.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("not-a-folder"), "a file where the nocache context wants a folder");
        site();
        webApp("strict", Map.of(), filterDeclaration(Map.of("sizePolicy", "strict", "allowedSizes", "100, 200",
                "allowedQualities", "60", "signingKey", STRICT_KEY, "cacheDir", strictCache.toString())));
        // Fifty requests for one variant at once wait for it: waiters count against the queue.
        webApp("any", Map.of("sizePolicy", "any", "signingKey", ANY_KEY, "cacheDir", anyCache.toString(),
                "fileCheckInterval", "0", "queueSize", "64"), "");
        webApp("busy", Map.of("sizePolicy", "any", "maxConcurrent", "1", "queueSize", "1",
                "queueTimeout", "50ms"), "");
        webApp("small", Map.of("sizePolicy", "any", "cacheMaxBytes", Long.toString(SMALL_CACHE_BYTES),
                "cacheDir", smallCache.toString(), "fileCheckInterval", "3600s"), "");
        webApp("nocache", Map.of("sizePolicy", "any",
                "cacheDir", root.resolve("not-a-folder").resolve("cache").toString()), "");
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
