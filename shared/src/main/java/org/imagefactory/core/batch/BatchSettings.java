package org.imagefactory.core.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.store.DirectoryVariantStore;
import org.imagefactory.core.store.VariantStore;

/**
 * Everything a {@link VariantBatch} needs.
 *
 * @param sourceRoot       the folder of source images
 * @param selector         which files under it are sources
 * @param outputRoot       where variants go, at their cache-naming paths, with the manifest
 * @param variants         the configured variants, at least one
 * @param options          pipeline options
 * @param threads          worker threads, at least 1
 * @param stateFile        where this batch's incremental state lives, one file per batch (per build-goal
 *                         execution), outside {@code outputRoot}; batches sharing an output folder keep their
 *                         state files in the same folder, from which the manifest is merged
 * @param toolVersion      part of every variant's fingerprint, so a new version redoes its outputs
 * @param progressInterval least time between two progress reports
 * @param variantStore     the store the variants are published to and judged fresh by; it must keep them under
 *                         {@code outputRoot} at their {@link org.imagefactory.core.store.VariantKey#path()}, where
 *                         the manifest lists them. {@code null}: a {@link DirectoryVariantStore} over
 *                         {@code outputRoot}
 */
public record BatchSettings(Path sourceRoot, SourceSelector selector, Path outputRoot, List<VariantRequest> variants,
                            PipelineOptions options, int threads, Path stateFile, String toolVersion,
                            Duration progressInterval, VariantStore variantStore) {

    /** Settings whose variants go to a {@link DirectoryVariantStore} over {@code outputRoot}. */
    public BatchSettings(Path sourceRoot, SourceSelector selector, Path outputRoot, List<VariantRequest> variants,
                         PipelineOptions options, int threads, Path stateFile, String toolVersion,
                         Duration progressInterval) {
        this(sourceRoot, selector, outputRoot, variants, options, threads, stateFile, toolVersion, progressInterval,
                null);
    }

    public BatchSettings {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("no variant configured");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }
}
