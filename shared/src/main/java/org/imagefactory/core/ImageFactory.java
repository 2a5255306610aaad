package org.imagefactory.core;

import java.awt.Color;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.imagefactory.core.store.GenerationClaim;
import org.imagefactory.core.store.Source;
import org.imagefactory.core.store.SourceStore;
import org.imagefactory.core.store.StoredVariant;
import org.imagefactory.core.store.VariantKey;
import org.imagefactory.core.store.VariantStore;

/**
 * The library's entry: makes variants of source images and keeps them in a store, found or made once. The build
 * plugin, the servlet filter and the command line are clients of this one API.
 *
 * <pre>{@code
 * ImageFactory factory = ImageFactory.builder()
 *         .sources(DirectorySourceStore.of(Path.of("pictures")))
 *         .variants(DirectoryVariantStore.of(Path.of("target/variants")))
 *         .build();
 * Variant thumbnail = factory.variant("photos/cat.jpg", VariantRequest.of(Map.of("scalex", "320")));
 * Files.copy(thumbnail.file(), out);  // the second call finds the same file and renders nothing
 * }</pre>
 *
 * <p>A factory is immutable and safe for concurrent use; build one per configuration and share it.
 */
public final class ImageFactory {

    /** How long another process's claim on a variant is trusted before this one makes it itself. */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(30);
    private static final long CLAIM_POLL_MILLIS = 25;

    private final ResizePipeline pipeline;
    private final SourceStore sources;
    private final VariantStore variants;

    private ImageFactory(PipelineOptions options, SourceStore sources, VariantStore variants) {
        this.pipeline = new ResizePipeline(options);
        this.sources = sources;
        this.variants = variants;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of an {@link ImageFactory}; each has the default the filter and the plugin use. */
    public static final class Builder {

        private PipelineOptions options = PipelineOptions.DEFAULTS;
        private SourceStore sources;
        private VariantStore variants;

        private Builder() {
        }

        /** Sources with more pixels (width × height) are refused before decoding; default 50 million. */
        public Builder maxSourcePixels(long pixels) {
            options = options.withMaxSourcePixels(pixels);
            return this;
        }

        /** The quality of lossy encodings when a request names none; default 80. */
        public Builder defaultQuality(int quality) {
            options = options.withDefaultQuality(quality);
            return this;
        }

        /** What transparency is flattened onto in JPEG and BMP; default white. */
        public Builder background(Color background) {
            options = options.withBackground(Objects.requireNonNull(background));
            return this;
        }

        /** Whether JPEGs are written progressive; default baseline. */
        public Builder progressiveJpeg(boolean progressive) {
            options = options.withProgressiveJpeg(progressive);
            return this;
        }

        /** All the pipeline settings at once. */
        public Builder options(PipelineOptions pipelineOptions) {
            options = Objects.requireNonNull(pipelineOptions);
            return this;
        }

        /** Where sources are read from; needed by {@link ImageFactory#variant}. */
        public Builder sources(SourceStore store) {
            sources = Objects.requireNonNull(store);
            return this;
        }

        /** Where variants are kept; needed by {@link ImageFactory#variant}. */
        public Builder variants(VariantStore store) {
            variants = Objects.requireNonNull(store);
            return this;
        }

        public ImageFactory build() {
            return new ImageFactory(options, sources, variants);
        }
    }

    /** The settings every variant is made with. */
    public PipelineOptions options() {
        return pipeline.options();
    }

    /**
     * The variant of a source, from the variant store when it holds a fresh one, else made now, published, and
     * returned. When another process sharing the store is making it, this waits for that one (up to 30 s) rather
     * than making it twice.
     *
     * @param sourcePath the source's path in the source store, such as {@code photos/cat.jpg}
     * @throws ImageFactoryException {@link ImageFactoryException.Failure#NO_SUCH_SOURCE} when the store has no
     *                               such source, or why the source or request was refused
     * @throws IOException           when a store cannot be read or written
     */
    public Variant variant(String sourcePath, VariantRequest request) throws IOException {
        return variant(SourcePath.of(sourcePath), request);
    }

    /** {@link #variant(String, VariantRequest)} for a checked path. */
    public Variant variant(SourcePath path, VariantRequest request) throws IOException {
        if (sources == null || variants == null) {
            throw new IllegalStateException("variant() needs a source store and a variant store: set both with"
                    + " ImageFactory.builder().sources(...).variants(...)");
        }
        Source source = sources.find(path).orElseThrow(() -> new ImageFactoryException(
                ImageFactoryException.Failure.NO_SUCH_SOURCE, "no source " + path.value() + " in the source store"));
        SourceInfo info = pipeline.probe(source.file());
        VariantKey key = new VariantKey(path, pipeline.normalize(request, info));
        long waitUntil = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (true) {
            Optional<StoredVariant> found = variants.find(key, source);
            if (found.isPresent()) {
                variants.served(found.get());
                return new Variant(key, info, found.get(), false, null);
            }
            Optional<GenerationClaim> claim = variants.claim(key, CLAIM_WAIT);
            if (claim.isPresent() || System.nanoTime() > waitUntil) {
                try (GenerationClaim held = claim.orElse(() -> { })) {
                    return generate(source, info, key);
                }
            }
            sleep();
        }
    }

    private Variant generate(Source source, SourceInfo info, VariantKey key) throws IOException {
        String version = versionOf(source);
        Rendition rendition = pipeline.render(source.file(), info, key.spec());
        StoredVariant stored = variants.publish(key, version, rendition.data());
        return new Variant(key, info, stored, true, rendition.timings());
    }

    /** The source's version, read before it is decoded; {@code null} (judged by dates) when it cannot be read. */
    private static String versionOf(Source source) {
        try {
            return source.version();
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(CLAIM_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while another process made the variant");
        }
    }

    /**
     * One variant of an image file, in memory, using no store: for a one-off conversion.
     *
     * @throws ImageFactoryException why the file or the request was refused
     */
    public Rendition render(Path file, VariantRequest request) throws IOException {
        SourceInfo info = pipeline.probe(file);
        return pipeline.render(file, info, pipeline.normalize(request, info));
    }

    /** What a source's header says, read without decoding its pixels. */
    public SourceInfo probe(Path file) throws IOException {
        return pipeline.probe(file);
    }
}
