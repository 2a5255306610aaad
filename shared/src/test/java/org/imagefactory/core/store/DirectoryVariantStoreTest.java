package org.imagefactory.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryVariantStoreTest {

    @TempDir
    Path temp;

    private final VariantKey key = new VariantKey(SourcePath.of("a/cat.jpg"), new VariantSpec(100, 80, Encoding.WEBP, 70));

    @Test
    void aPublishedVariantIsFoundAtItsCacheNameAndListed() throws Exception {
        Source source = source("cat bytes");
        DirectoryVariantStore store = DirectoryVariantStore.of(temp.resolve("store"));

        StoredVariant published = store.publish(key, source.version(), new byte[] {1, 2, 3});

        assertThat(published.file()).isEqualTo(temp.resolve("store/a/cat.jpg/x-100-y-80-q-70-cat.webp"));
        assertThat(store.find(key, source)).contains(published);
        assertThat(store.list()).extracting(StoredVariant::path).containsExactly("a/cat.jpg/x-100-y-80-q-70-cat.webp");
        assertThat(store.delete(published.path())).isTrue();
        assertThat(store.find(key, source)).isEmpty();
    }

    @Test
    void aVariantOfOtherSourceBytesIsStaleWhateverTheDates() throws Exception {
        Source before = source("cat bytes");
        DirectoryVariantStore store = DirectoryVariantStore.of(temp.resolve("store"));
        store.publish(key, before.version(), new byte[] {1});

        Source after = source("other bytes");
        Files.setLastModifiedTime(after.file(), FileTime.fromMillis(0));

        assertThat(store.find(key, sourceAt(after.file()))).isEmpty();
    }

    @Test
    void aVariantRecordingNothingIsJudgedByDate() throws Exception {
        Source source = source("cat bytes");
        DirectoryVariantStore store = DirectoryVariantStore.of(temp.resolve("store"));
        StoredVariant published = store.publish(key, null, new byte[] {1});

        assertThat(store.find(key, sourceAt(source.file()))).isPresent();
        Files.setLastModifiedTime(published.file(), FileTime.fromMillis(source.modified().toMillis() - 10_000));
        assertThat(store.find(key, sourceAt(source.file()))).isEmpty();
    }

    @Test
    void aClaimIsSeenByAnotherStoreOnTheSameFolderUntilClosedOrExpired() throws Exception {
        DirectoryVariantStore one = DirectoryVariantStore.of(temp.resolve("shared"));
        DirectoryVariantStore other = DirectoryVariantStore.of(temp.resolve("shared"));

        Optional<GenerationClaim> claim = one.claim(key, Duration.ofMinutes(1));
        assertThat(claim).isPresent();
        assertThat(other.claim(key, Duration.ofMinutes(1))).isEmpty();
        claim.get().close();
        Optional<GenerationClaim> taken = other.claim(key, Duration.ofMinutes(1));
        assertThat(taken).isPresent();
        assertThat(one.claim(key, Duration.ZERO)).as("an expired claim is taken over").isPresent();
        assertThat(one.list()).as("claims are not variants").isEmpty();
    }

    @Test
    void aBudgetEvictsTheLeastRecentlyServed() throws Exception {
        Source source = source("cat bytes");
        DirectoryVariantStore store = DirectoryVariantStore.at(temp.resolve("store")).maxBytes(150).open();
        VariantKey small = new VariantKey(SourcePath.of("a/cat.jpg"), new VariantSpec(10, 8, Encoding.PNG, 80));
        VariantKey large = new VariantKey(SourcePath.of("a/cat.jpg"), new VariantSpec(20, 16, Encoding.PNG, 80));
        store.publish(small, source.version(), new byte[100]);
        store.publish(large, source.version(), new byte[100]);

        assertThat(store.find(small, source)).isEmpty();
        assertThat(store.find(large, source)).isPresent();
        assertThat(store.totalBytes()).isEqualTo(100);
    }

    @Test
    void aReadOnlyStoreFindsWhatAnotherToolWroteAndTouchesNothing() throws Exception {
        Source source = source("cat bytes");
        Path variant = Files.createDirectories(temp.resolve("built/a/cat.jpg")).resolve("x-100-y-80-q-70-cat.webp");
        Files.writeString(variant, "variant bytes");
        Path abandoned = variant.resolveSibling(".x-100-y-80-cat.webp.tmp");
        Files.writeString(abandoned, "half");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(0));

        DirectoryVariantStore store = DirectoryVariantStore.at(temp.resolve("built")).readOnly().open();

        assertThat(store.find(key, source)).map(StoredVariant::file).contains(variant);
        assertThat(abandoned).exists();
        assertThatThrownBy(() -> store.publish(key, null, new byte[] {1})).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> store.delete(key.path())).isInstanceOf(java.io.IOException.class);
        assertThat(variant).exists();
    }

    @Test
    void variantsShippedWithTheirSourcesAreFreshWhateverTheDates() throws Exception {
        Source source = source("cat bytes");
        Path variant = Files.createDirectories(temp.resolve("built/a/cat.jpg")).resolve("x-100-y-80-q-70-cat.webp");
        Files.writeString(variant, "variant bytes");
        Files.setLastModifiedTime(variant, FileTime.fromMillis(source.modified().toMillis() - 10_000));

        assertThat(DirectoryVariantStore.at(temp.resolve("built")).readOnly().open().find(key, source)).isEmpty();
        assertThat(DirectoryVariantStore.at(temp.resolve("built")).readOnly().shippedWithSources(true).open()
                .find(key, source)).isPresent();
    }

    private Source source(String bytes) throws Exception {
        Path file = temp.resolve("sources/cat.jpg");
        Files.createDirectories(file.getParent());
        Files.writeString(file, bytes);
        return sourceAt(file);
    }

    private static Source sourceAt(Path file) {
        return new Source(SourcePath.of("a/cat.jpg"), file, FileStamp.read(file));
    }
}
