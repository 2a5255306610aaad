package org.imagefactory.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the build plugin generated, written next to the variants as {@value #FILE_NAME}. The filter reads it to
 * learn the configured sizes (its default size ladder) so one configuration drives build and run time.
 *
 * <p>A UTF-8 text file, one entry a line, {@code #} starts a comment:
 *
 * <pre>
 * # imagefactory variant manifest 1
 * variant scalex=320&amp;encoding=jpeg
 * variant scalex=640&amp;scaley=480&amp;encoding=webp&amp;quality=70
 * file photos/cat.jpg/x-320-y-240-cat.jpeg
 * </pre>
 *
 * @param variants the configured variants, as URL arguments
 * @param files    every generated file, relative to the manifest's folder, with {@code /} separators
 */
public record VariantManifest(List<VariantRequest> variants, List<String> files) {

    public static final String FILE_NAME = "imagefactory-manifest.txt";
    private static final String HEADER = "# imagefactory variant manifest 1";

    public VariantManifest {
        variants = List.copyOf(variants);
        files = List.copyOf(files);
    }

    /** The widths the configuration names, device pixel ratios multiplied in: the size ladder's x steps. */
    public Set<Integer> widths() {
        Set<Integer> widths = new TreeSet<>();
        variants.stream().map(VariantRequest::atDevicePixels).filter(v -> v.scalex() != null)
                .forEach(v -> widths.add(v.scalex()));
        return widths;
    }

    /** The heights the configuration names, device pixel ratios multiplied in: the size ladder's y steps. */
    public Set<Integer> heights() {
        Set<Integer> heights = new TreeSet<>();
        variants.stream().map(VariantRequest::atDevicePixels).filter(v -> v.scaley() != null)
                .forEach(v -> heights.add(v.scaley()));
        return heights;
    }

    /** The fits the configuration names explicitly. */
    public Set<Fit> fits() {
        Set<Fit> fits = new TreeSet<>();
        variants.stream().filter(v -> v.fit() != null).forEach(v -> fits.add(v.fit()));
        return fits;
    }

    /** The gravities the configuration names explicitly. */
    public Set<Gravity> gravities() {
        Set<Gravity> gravities = new LinkedHashSet<>();
        variants.stream().filter(v -> v.gravity() != null).forEach(v -> gravities.add(v.gravity()));
        return gravities;
    }

    /** The qualities the configuration names explicitly: the quality ladder's steps besides the default. */
    public Set<Integer> qualities() {
        Set<Integer> qualities = new TreeSet<>();
        variants.stream().filter(v -> v.quality() != null).forEach(v -> qualities.add(v.quality()));
        return qualities;
    }

    /** Writes the manifest atomically. */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        variants.forEach(v -> text.append("variant ").append(v.toQueryString()).append('\n'));
        files.forEach(f -> text.append("file ").append(f).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static VariantManifest read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a manifest from a stream (a web app resource); {@code name} is used in error messages. */
    public static VariantManifest read(InputStream in, String name) throws IOException {
        List<VariantRequest> variants = new java.util.ArrayList<>();
        List<String> files = new java.util.ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            try {
                if (entry.startsWith("variant ")) {
                    variants.add(VariantRequest.fromQueryString(entry.substring(8).strip()));
                } else if (entry.startsWith("file ")) {
                    files.add(entry.substring(5).strip());
                } else {
                    throw new IOException("expected 'variant ...' or 'file ...'");
                }
            } catch (ImageFactoryException | IOException e) {
                throw new IOException(name + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return new VariantManifest(variants, files);
    }
}
