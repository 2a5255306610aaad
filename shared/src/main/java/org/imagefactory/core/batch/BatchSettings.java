package org.imagefactory.core.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.VariantRequest;

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
 */
public record BatchSettings(Path sourceRoot, SourceSelector selector, Path outputRoot, List<VariantRequest> variants,
                            PipelineOptions options, int threads, Path stateFile, String toolVersion,
                            Duration progressInterval) {

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
