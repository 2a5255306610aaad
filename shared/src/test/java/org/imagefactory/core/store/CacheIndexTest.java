package org.imagefactory.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.imagefactory.core.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheIndexTest {

    private static final int SIZE = 1000;

    @TempDir
    Path cache;

    private final List<Path> evicted = new ArrayList<>();

    private Path file(String relative) throws IOException {
        Path file = cache.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[SIZE]);
        return file;
    }

    @Test
    void evictionAtStartUpDeletesOnlyVariants() throws Exception {
        List<Path> variants = List.of(file("photos/cat.jpg/x-100-y-100-cat.jpeg"),
                file("photos/cat.jpg/x-100-y-100-q-35-cat.webp"), file("dog.png/x-5-y-7-dog.png"));
        List<Path> others = List.of(file("photos/cat.jpg/cat.jpg"), file("photos/cat.jpg/x-1-y-1-dog.jpeg"),
                file("photos/cat.jpg/.x-100-y-100-cat.jpeg.123.tmp"),
                file("photos/cat.jpg/x-1-y-1-cat.jpeg.bak"), file("photos/notes.txt/x-1-y-1-notes.jpeg"),
                file("photos/cat.jpg/x-a-y-1-cat.jpeg"), file("x-1-y-1-cat.jpeg"), file("index.html"));

        new CacheIndex(cache, 0, evicted::add).load();

        assertThat(variants).noneMatch(Files::exists);
        assertThat(evicted).containsExactlyInAnyOrderElementsOf(variants);
        assertThat(others).allMatch(Files::exists);
    }

    /**
     * A crash leaves temporaries that nothing would ever delete; one written minutes ago may be another server's
     * write in flight to a shared cache, so only older ones go, whatever the cap.
     */
    @Test
    void startUpDeletesTemporariesACrashLeftButNotOnesStillBeingWritten() throws Exception {
        Path abandoned = file("photos/cat.jpg/.x-100-y-100-cat.jpeg.abc.tmp");
        Files.setLastModifiedTime(abandoned,
                FileTime.from(Instant.now().minus(AtomicFiles.ABANDONED_AFTER).minusSeconds(60)));
        Path inFlight = file("photos/cat.jpg/.x-200-y-200-cat.jpeg.def.tmp");
        Files.setLastModifiedTime(inFlight,
                FileTime.from(Instant.now().minus(AtomicFiles.ABANDONED_AFTER).plusSeconds(60)));
        Path variant = file("photos/cat.jpg/x-100-y-100-cat.jpeg");
        CacheIndex index = new CacheIndex(cache, Long.MAX_VALUE, evicted::add);

        index.load();

        assertThat(abandoned).doesNotExist();
        assertThat(inFlight).exists();
        assertThat(variant).exists();
        assertThat(index.totalBytes()).as("temporaries are not counted").isEqualTo(SIZE);
        index.written(variant.resolveSibling("x-300-y-300-cat.jpeg"), SIZE);
        assertThat(index.makeRoom(1)).isTrue();
        assertThat(inFlight).as("eviction never deletes a temporary").exists();
    }

    /** A full disk makes room by evicting least recently served variants, as much as was asked and no more. */
    @Test
    void makingRoomEvictsTheLeastRecentlyServedVariantsFirst() throws Exception {
        Path old = file("photos/cat.jpg/x-100-y-100-cat.jpeg");
        Path served = file("photos/cat.jpg/x-200-y-200-cat.jpeg");
        Path recent = file("photos/cat.jpg/x-300-y-300-cat.jpeg");
        CacheIndex index = new CacheIndex(cache, Long.MAX_VALUE, evicted::add);
        index.written(old, SIZE);
        index.written(served, SIZE);
        index.written(recent, SIZE);
        index.served(served, SIZE);

        assertThat(index.makeRoom(SIZE + 1)).isTrue();

        assertThat(evicted).containsExactly(old, recent);
        assertThat(served).exists();
        assertThat(new CacheIndex(cache, Long.MAX_VALUE, evicted::add).makeRoom(SIZE)).isFalse();
    }

    @Test
    void aServedOrWrittenFileThatIsNotAVariantIsNeverCountedNorDeleted() throws Exception {
        Path source = file("photos/dog.jpg");
        Path page = file("photos/index.html");
        Path variant = file("photos/cat.jpg/x-100-y-100-cat.jpeg");
        CacheIndex index = new CacheIndex(cache, SIZE, evicted::add);

        index.served(source, SIZE);
        index.written(page, SIZE);
        index.written(variant, SIZE);
        index.written(file("photos/cat.jpg/x-200-y-200-cat.jpeg"), SIZE);

        assertThat(source).exists();
        assertThat(page).exists();
        assertThat(variant).doesNotExist();
        assertThat(index.totalBytes()).isEqualTo(SIZE);
    }
}
