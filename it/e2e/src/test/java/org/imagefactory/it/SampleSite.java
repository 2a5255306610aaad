package org.imagefactory.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.ImageFactory;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantManifest;
import org.imagefactory.core.VariantRequest;

/**
 * What the built sample site holds: its pictures (as the core sees them) and the variant manifest the plugin put
 * into the war. The tests take the size ladder from the manifest, so they check what the build really configured.
 */
final class SampleSite {

    static final String PREGENERATED_PREFIX = "WEB-INF/imagefactory/";
    static final String MANIFEST_ENTRY = PREGENERATED_PREFIX + VariantManifest.FILE_NAME;
    private static final ImageFactory FACTORY = ImageFactory.builder().build();

    private final Path war;
    private final VariantManifest manifest;
    private final Map<String, SourceInfo> pictures;

    private SampleSite(Path war, VariantManifest manifest, Map<String, SourceInfo> pictures) {
        this.war = war;
        this.manifest = manifest;
        this.pictures = pictures;
    }

    static SampleSite built() {
        Path war = E2eFiles.war();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST_ENTRY);
            if (entry == null) {
                throw new IllegalStateException(war + " holds no " + MANIFEST_ENTRY
                        + ": the imagefactory-maven-plugin did not run in it/site");
            }
            VariantManifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = VariantManifest.read(in, war + "!/" + MANIFEST_ENTRY);
            }
            return new SampleSite(war, manifest, probePictures(E2eFiles.pictures()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + war, e);
        }
    }

    private static Map<String, SourceInfo> probePictures(Path root) throws IOException {
        Map<String, SourceInfo> pictures = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (Encoding.isImageFileName(file.getFileName().toString())) {
                    pictures.put(root.relativize(file).toString().replace('\\', '/'), FACTORY.probe(file));
                }
            }
        }
        return pictures;
    }

    Path war() {
        return war;
    }

    /** Relative picture path, such as {@code landscapes/alpine-lake.jpg}, to its probed (displayed) size. */
    Map<String, SourceInfo> pictures() {
        return pictures;
    }

    SourceInfo picture(String path) {
        SourceInfo info = pictures.get(path);
        if (info == null) {
            throw new IllegalArgumentException("the sample site has no picture " + path + "; it has " + pictures.keySet());
        }
        return info;
    }

    List<VariantRequest> ladder() {
        return manifest.variants();
    }

    /** The smallest ladder width at least {@code width}, or the largest one. */
    int snapUp(int width) {
        TreeSet<Integer> widths = new TreeSet<>(manifest.widths());
        Integer step = widths.ceiling(width);
        return step == null ? widths.last() : step;
    }

    /** Unpacks the war into {@code folder}, leaving out the entries {@code drop} accepts. */
    Path explodedWithout(Path folder, Predicate<String> drop) {
        List<String> dropped = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IllegalStateException("unsafe entry in " + war + ": " + entry.getName());
                }
                if (drop.test(entry.getName())) {
                    dropped.add(entry.getName());
                } else if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + war + " into " + folder, e);
        }
        if (dropped.stream().noneMatch(name -> !name.endsWith("/"))) {
            throw new IllegalStateException("nothing to leave out of " + war + ": the test expects pre-generated files");
        }
        return folder;
    }

    /** Whether the war holds this entry. */
    boolean contains(String entryName) {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            return zip.getEntry(entryName) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + war, e);
        }
    }
}
