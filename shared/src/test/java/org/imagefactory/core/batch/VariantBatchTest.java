package org.imagefactory.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.Fixtures;
import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.VariantManifest;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.VariantSpec;
import org.imagefactory.core.store.DirectorySourceStore;
import org.imagefactory.core.store.DirectoryVariantStore;
import org.imagefactory.core.store.Source;
import org.imagefactory.core.store.VariantKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantBatchTest {

    @TempDir
    Path work;

    Path sources;
    Path output;
    Path state;

    @BeforeEach
    void sources() throws Exception {
        sources = work.resolve("src");
        output = work.resolve("out");
        state = work.resolve("state/state.txt");
        for (int i = 1; i <= 4; i++) {
            Fixtures.write(Fixtures.filled(40 * i, 30 * i, Color.GREEN), "png", sources.resolve("p" + i + ".png"));
        }
    }

    private BatchSettings settings(Duration interval, String version, VariantRequest... variants) {
        return new BatchSettings(sources, SourceSelector.of(null, null), output, List.of(variants),
                PipelineOptions.DEFAULTS, 2, state, version, interval);
    }

    @Test
    void progressIsReportedWhileWorkingAndTheCountsAddUp() throws Exception {
        List<String> events = new ArrayList<>();
        BatchListener listener = new BatchListener() {
            @Override
            public void planned(int sourceCount, int toGenerate, int upToDate, int threads) {
                events.add("planned " + sourceCount + " " + toGenerate + " " + upToDate + " " + threads);
            }

            @Override
            public void progress(BatchProgress progress) {
                events.add(progress.done() + "/" + progress.total());
            }
        };

        BatchSummary summary = new VariantBatch(settings(Duration.ZERO, "1",
                VariantRequest.of("20", null, "jpeg", null), VariantRequest.of("30", null, null, null))).run(listener);

        assertThat(events).containsExactly("planned 4 8 0 2", "2/8", "4/8", "6/8");
        assertThat(summary.generated()).isEqualTo(8);
        assertThat(summary.bytesIn()).isEqualTo(totalSize(sources));
        assertThat(summary.bytesOut()).isEqualTo(totalSize(output) - Files.size(output.resolve(VariantManifest.FILE_NAME)));
    }

    @Test
    void requestsThatNormalizeToOneFileShareIt() throws Exception {
        BatchSummary summary = new VariantBatch(settings(Duration.ofHours(1), "1",
                VariantRequest.of("5000", null, null, null), VariantRequest.of("6000", null, null, null)))
                .run(new BatchListener() { });

        assertThat(summary.generated()).isEqualTo(8);
        assertThat(VariantManifest.read(output.resolve(VariantManifest.FILE_NAME)).files()).containsExactly(
                "p1.png/x-40-y-30-p1.png", "p2.png/x-80-y-60-p2.png", "p3.png/x-120-y-90-p3.png",
                "p4.png/x-160-y-120-p4.png");
    }

    @Test
    void aNewToolVersionOrALostStateRedoesEverything() throws Exception {
        VariantRequest variant = VariantRequest.of("20", null, null, null);
        new VariantBatch(settings(Duration.ofHours(1), "1", variant)).run(new BatchListener() { });
        assertThat(new VariantBatch(settings(Duration.ofHours(1), "1", variant)).run(new BatchListener() { })
                .upToDate()).isEqualTo(4);

        assertThat(new VariantBatch(settings(Duration.ofHours(1), "2", variant)).run(new BatchListener() { })
                .generated()).isEqualTo(4);

        Files.writeString(state, "garbage");
        assertThat(new VariantBatch(settings(Duration.ofHours(1), "2", variant)).run(new BatchListener() { })
                .generated()).isEqualTo(4);
    }

    @Test
    void aSourceReplacedByOtherBytesWithAnOlderDateIsRegenerated() throws Exception {
        VariantRequest variant = VariantRequest.of("20", null, null, null);
        new VariantBatch(settings(Duration.ofHours(1), "1", variant)).run(new BatchListener() { });
        Path source = sources.resolve("p2.png");
        Path made = output.resolve("p2.png/x-20-y-60-p2.png");
        byte[] before = Files.readAllBytes(made);
        FileTime older = FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() - 86_400_000L);
        Fixtures.write(Fixtures.filled(80, 60, Color.RED), "png", source);
        Files.setLastModifiedTime(source, older);

        BatchSummary summary = new VariantBatch(settings(Duration.ofHours(1), "1", variant))
                .run(new BatchListener() { });

        assertThat(summary.generated()).isEqualTo(1);
        assertThat(summary.upToDate()).isEqualTo(3);
        assertThat(Files.readAllBytes(made)).isNotEqualTo(before);
    }

    @Test
    void aSourceReplacedByOtherBytesOfTheSameSizeAndDateIsTakenForTheSame() throws Exception {
        VariantRequest variant = VariantRequest.of("20", null, null, null);
        new VariantBatch(settings(Duration.ofHours(1), "1", variant)).run(new BatchListener() { });
        Path source = sources.resolve("p3.png");
        FileTime modified = Files.getLastModifiedTime(source);
        byte[] bytes = Files.readAllBytes(source);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(source, bytes);
        Files.setLastModifiedTime(source, modified);

        BatchSummary summary = new VariantBatch(settings(Duration.ofHours(1), "1", variant))
                .run(new BatchListener() { });

        assertThat(summary.generated()).isZero();
        assertThat(summary.upToDate()).isEqualTo(4);
    }

    @Test
    void otherOptionsRedoTheWorkThoughTheSourcesAreTheSame() throws Exception {
        VariantRequest variant = VariantRequest.of("20", null, "jpeg", null);
        new VariantBatch(settings(Duration.ofHours(1), "1", variant)).run(new BatchListener() { });

        BatchSummary summary = new VariantBatch(new BatchSettings(sources, SourceSelector.of(null, null), output,
                List.of(variant), PipelineOptions.DEFAULTS.withProgressiveJpeg(true), 2, state, "1",
                Duration.ofHours(1))).run(new BatchListener() { });

        assertThat(summary.generated()).isEqualTo(4);
    }

    @Test
    void anOutputTheStoreDoesNotJudgeFreshForTheSourceIsRegenerated() throws Exception {
        VariantRequest variant = VariantRequest.of("20", null, null, null);
        new VariantBatch(settings(Duration.ofHours(1), "1", variant)).run(new BatchListener() { });
        Path made = output.resolve("p1.png/x-20-y-30-p1.png");
        byte[] bytes = Files.readAllBytes(made);
        DirectoryVariantStore store = DirectoryVariantStore.of(output);
        Source source = DirectorySourceStore.of(sources).find(SourcePath.of("p1.png")).orElseThrow();
        VariantKey key = new VariantKey(SourcePath.of("p1.png"), new VariantSpec(20, 30, Encoding.PNG, 80));
        assertThat(store.find(key, source)).isPresent();
        // Another writer left a variant of another version of the source there; the date rule alone kept it.
        store.publish(key, "0000000000000000", bytes);
        assertThat(store.find(key, source)).isEmpty();

        BatchSummary summary = new VariantBatch(settings(Duration.ofHours(1), "1", variant))
                .run(new BatchListener() { });

        assertThat(summary.generated()).isEqualTo(1);
        assertThat(summary.upToDate()).isEqualTo(3);
        assertThat(store.find(key, source)).isPresent();
        assertThat(Files.readAllBytes(made)).isEqualTo(bytes);
    }

    @Test
    void twoBatchesSharingAnOutputFolderKeepEachOthersFilesAndTheManifestListsBoth() throws Exception {
        VariantRequest small = VariantRequest.of("20", null, "jpeg", null);
        VariantRequest large = VariantRequest.of("60", null, "png", null);
        BatchSettings first = batch(List.of("p1.png", "p2.png"), "first.txt", small);
        BatchSettings second = batch(List.of("p2.png", "p3.png"), "second.txt", small, large);

        for (int build = 0; build < 2; build++) {
            new VariantBatch(first).run(new BatchListener() { });
            new VariantBatch(second).run(new BatchListener() { });
        }

        List<String> all = List.of("p1.png/x-20-y-30-p1.jpeg", "p2.png/x-20-y-60-p2.jpeg", "p2.png/x-60-y-60-p2.png",
                "p3.png/x-20-y-90-p3.jpeg", "p3.png/x-60-y-90-p3.png");
        all.forEach(file -> assertThat(output.resolve(file)).isRegularFile());
        VariantManifest manifest = VariantManifest.read(output.resolve(VariantManifest.FILE_NAME));
        assertThat(manifest.files()).containsExactlyElementsOf(all);
        assertThat(manifest.variants()).containsExactly(small, large);

        BatchSummary summary = new VariantBatch(batch(List.of("p1.png"), "first.txt", small))
                .run(new BatchListener() { });

        assertThat(summary.removed()).isZero();
        assertThat(output.resolve("p2.png/x-20-y-60-p2.jpeg")).isRegularFile();
        assertThat(VariantManifest.read(output.resolve(VariantManifest.FILE_NAME)).files())
                .containsExactlyElementsOf(all);
    }

    private BatchSettings batch(List<String> includes, String stateName, VariantRequest... variants) {
        return new BatchSettings(sources, SourceSelector.of(includes, null), output, List.of(variants),
                PipelineOptions.DEFAULTS, 2, work.resolve("state").resolve(stateName), "1", Duration.ofHours(1));
    }

    @Test
    void theSummaryReadsAsOneLine() {
        assertThat(new BatchSummary(20, 60, 0, 2, List.of(), 0, 63_000_000, 2_400_000, 6_120_000_000L))
                .hasToString("60 generated, 0 up to date, 2 removed, 0 failed; 60.1 MB in -> 2.3 MB out; 6.1 s");
        assertThat(new BatchProgress(120, 400, 9_756_000_000L)).hasToString("120/400 variants (30%), 12.3 variants/s");
    }

    private static long totalSize(Path root) throws Exception {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
