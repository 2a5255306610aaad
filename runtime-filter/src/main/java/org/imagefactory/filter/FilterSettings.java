package org.imagefactory.filter;

import java.awt.Color;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.imagefactory.core.Fit;
import org.imagefactory.core.Gravity;
import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantSpec;

/**
 * The filter's configuration, read from its init-params and from context-params named {@code imagefactory.<param>}
 * (an init-param wins). Paths are kept as written: the filter decides at start-up whether they are inside the web app.
 *
 * @param sourceRoot       web-app folder or absolute directory of the source images
 * @param pregeneratedRoot web-app folder or absolute directory the build plugin wrote into
 * @param cacheDir         absolute directory for generated variants, or {@code null} for the container's temp dir
 * @param fileCheckInterval how long a repeated request trusts that the files it was served from are unchanged
 * @param allowLinking     whether a symbolic link under the source root may be followed to its target
 * @param generationTimeout how long a generation may take, per megapixel of its source when
 *                          {@code generationTimeoutPerMegapixel}
 * @param generationMemory  the heap, in bytes, that the generations running at once may be estimated to hold
 */
record FilterSettings(String sourceRoot, String pregeneratedRoot, String cacheDir, SizePolicy sizePolicy,
                      Set<Integer> allowedSizes, Set<Integer> allowedQualities, Set<Fit> allowedFits,
                      Set<Gravity> allowedGravities, String signingKey,
                      long maxSourcePixels, int maxConcurrent, int queueSize, Duration queueTimeout, long cacheMaxBytes, String cacheControl,
                      int defaultQuality, Color background, Duration fileCheckInterval,
                      boolean allowLinking, Duration generationTimeout, boolean generationTimeoutPerMegapixel,
                      long generationMemory) {

    static final String CONTEXT_PARAM_PREFIX = "imagefactory.";

    /**
     * The default queue: 16 waiting requests a core, but never so many that waiting requests could take all of a
     * container's threads (Tomcat's and Jetty's default pools have 200), leaving none for cache hits.
     */
    private static final int MAX_DEFAULT_QUEUE = 100;

    /**
     * Reads every parameter through {@code lookup}, which returns {@code null} for one that is not set.
     *
     * @throws IllegalArgumentException naming the parameter, its value and what was expected
     */
    static FilterSettings read(UnaryOperator<String> lookup) {
        int cores = Runtime.getRuntime().availableProcessors();
        SettingsReader in = new SettingsReader(lookup);
        return new FilterSettings(
                in.text("sourceRoot", "/pictures"),
                in.text("pregeneratedRoot", "/WEB-INF/imagefactory"),
                in.text("cacheDir", null),
                in.policy(),
                in.numbers("allowedSizes", 1, Integer.MAX_VALUE, "positive whole numbers of pixels separated by"
                        + " commas, such as 320,640,1280"),
                in.numbers("allowedQualities", 1, 100, "whole numbers from 1 to 100 separated by commas, such as"
                        + " 60,80"),
                in.choices("allowedFits", Fit::parse),
                in.choices("allowedGravities", Gravity::parse),
                in.text("signingKey", null),
                in.number("maxSourcePixels", PipelineOptions.DEFAULT_MAX_SOURCE_PIXELS, 1, Long.MAX_VALUE),
                (int) in.number("maxConcurrent", cores, 1, 10_000),
                (int) in.number("queueSize", Math.min(16L * cores, MAX_DEFAULT_QUEUE), 0, 1_000_000),
                in.duration("queueTimeout", Duration.ofSeconds(10)),
                in.bytes("cacheMaxBytes", 1L << 30),
                in.text("cacheControl", "public, max-age=86400"),
                (int) in.number("defaultQuality", VariantSpec.STANDARD_QUALITY, 1, 100),
                in.color("background", Color.WHITE),
                in.duration("fileCheckInterval", Duration.ofSeconds(1)),
                in.flag("allowLinking", false),
                in.positiveDuration("generationTimeout", Duration.ofSeconds(2)),
                in.perMegapixel("generationTimeout", true),
                in.heapShare("generationMemory", 50));
    }

    /**
     * The time a generation from {@code source} may take: {@link #generationTimeout} as it is, or, per megapixel
     * ({@code 2s/MP}, the default), that for each of the source's megapixels, counting at least one, so a small
     * image gets the whole timeout and a large one time in proportion.
     */
    Duration generationTimeout(SourceInfo source) {
        if (!generationTimeoutPerMegapixel) {
            return generationTimeout;
        }
        double megapixels = Math.max(1.0, source.pixels() / 1e6);
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, generationTimeout.toNanos() * megapixels));
    }

    PipelineOptions pipelineOptions() {
        return PipelineOptions.DEFAULTS.withMaxSourcePixels(maxSourcePixels).withDefaultQuality(defaultQuality)
                .withBackground(background);
    }
}
