package org.imagefactory.filter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.ServletContext;
import org.imagefactory.core.Fit;
import org.imagefactory.core.Gravity;
import org.imagefactory.core.VariantManifest;
import org.imagefactory.core.store.ContentHashes;
import org.imagefactory.core.store.DirectoryVariantStore;
import org.imagefactory.core.store.Freshness;
import org.imagefactory.core.store.Source;
import org.imagefactory.core.store.StoredVariant;
import org.imagefactory.core.store.VariantKey;

/**
 * What the build plugin wrote: a folder on disk, read as a read-only {@link DirectoryVariantStore}, or a folder
 * of a web app that is not unpacked, read through the {@link ServletContext}. Invariant: when there is a manifest,
 * only the files it lists are looked up (so the container is never asked about a path that does not exist), and
 * a file is served only while {@link Freshness} holds for its source.
 */
final class Pregenerated {

    private static final System.Logger LOG = System.getLogger(Pregenerated.class.getName());

    private final Path directory;
    private final DirectoryVariantStore store;
    private final ServletContext context;
    private final String resourceRoot;
    private final VariantManifest manifest;
    private final Set<String> files;
    private final boolean shippedWithSources;

    private Pregenerated(Path directory, ServletContext context, String resourceRoot, VariantManifest manifest,
            boolean shippedWithSources) {
        this.directory = directory;
        this.store = directory == null ? null
                : DirectoryVariantStore.at(directory).readOnly().shippedWithSources(shippedWithSources).open();
        this.context = context;
        this.resourceRoot = resourceRoot;
        this.manifest = manifest;
        this.files = manifest == null ? null : new HashSet<>(manifest.files());
        this.shippedWithSources = shippedWithSources;
    }

    static Pregenerated none() {
        return new Pregenerated(null, null, null, null, false);
    }

    /**
     * The same pre-generated files, built together with the sources and shipped in one war: no file date can say
     * one is stale, because containers that unpack a war stamp every file with its unpack time, in any order.
     */
    Pregenerated shippedWithSources() {
        return new Pregenerated(directory, context, resourceRoot, manifest, true);
    }

    static Pregenerated inDirectory(Path directory) {
        Path file = directory.resolve(VariantManifest.FILE_NAME);
        VariantManifest manifest = null;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                manifest = readManifest(in, file.toString());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "imagefactory: cannot read " + file + ": " + e.getMessage());
            }
        }
        return new Pregenerated(directory, null, null, manifest, false);
    }

    /** A folder inside a packed web app: usable only through its manifest. */
    static Pregenerated inWebApp(ServletContext context, String root) {
        String name = root + "/" + VariantManifest.FILE_NAME;
        try (InputStream in = context.getResourceAsStream(name)) {
            if (in == null) {
                return none();
            }
            return new Pregenerated(null, context, root, readManifest(in, name), false);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "imagefactory: cannot read " + name + ": " + e.getMessage());
            return none();
        }
    }

    private static VariantManifest readManifest(InputStream in, String name) throws IOException {
        VariantManifest manifest = VariantManifest.read(in, name);
        LOG.log(System.Logger.Level.INFO, "imagefactory: " + name + " lists " + manifest.variants().size()
                + " variants and " + manifest.files().size() + " pre-generated files");
        return manifest;
    }

    /** The folder on disk, when the pre-generated files are in one. */
    Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * The pre-generated file for a variant, unless there is none or its source changed since (judged by file
     * dates only when the sources were not shipped with the pre-generated files). A file on disk comes open, so
     * it is served even if deleted meanwhile; the caller releases it. Missing, under a file instead of a folder,
     * unreadable: then the cache or a generation serves it.
     */
    Optional<Payload> find(VariantKey key, Source source, ContentHashes hashes) throws IOException {
        String variantPath = key.path();
        if (files != null && !files.contains(variantPath)) {
            return Optional.empty();
        }
        if (store != null) {
            Optional<StoredVariant> stored = store.find(key, source);
            return stored.map(found -> OpenFile.open(found.file(), found.stamp(), hashes));
        }
        if (context != null) {
            URL url = context.getResource(resourceRoot + "/" + variantPath);
            if (url != null) {
                Payload.Resource resource = Payload.Resource.of(url, hashes);
                if (isFresh(FileTime.fromMillis(resource.lastModified()), source)) {
                    return Optional.of(resource);
                }
            }
        }
        return Optional.empty();
    }

    /** The web app's resources record no source version: shipped with their sources, or judged by date. */
    private boolean isFresh(FileTime built, Source source) {
        return Freshness.isFresh(shippedWithSources ? Freshness.SHIPPED_WITH_SOURCES : null, built, source);
    }

    /** The sizes the build configuration names: the default size ladder. */
    List<Integer> configuredSizes() {
        if (manifest == null) {
            return List.of();
        }
        Set<Integer> sizes = new HashSet<>(manifest.widths());
        sizes.addAll(manifest.heights());
        return List.copyOf(sizes);
    }

    /** The fits the build configuration names explicitly. */
    Set<Fit> configuredFits() {
        return manifest == null ? Set.of() : manifest.fits();
    }

    /** The gravities the build configuration names explicitly. */
    Set<Gravity> configuredGravities() {
        return manifest == null ? Set.of() : manifest.gravities();
    }

    /** The qualities the build configuration names explicitly. */
    List<Integer> configuredQualities() {
        if (manifest == null) {
            return List.of();
        }
        return List.copyOf(manifest.qualities());
    }
}
