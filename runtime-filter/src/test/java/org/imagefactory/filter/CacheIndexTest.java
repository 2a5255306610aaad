package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    void evictionAtStartUpDeletesOnlyVariantsAndTemporaries() throws Exception {
        List<Path> variants = List.of(file("photos/cat.jpg/x-100-y-100-cat.jpeg"),
                file("photos/cat.jpg/x-100-y-100-q-35-cat.webp"), file("dog.png/x-5-y-7-dog.png"),
                file("photos/cat.jpg/.x-100-y-100-cat.jpeg.123.tmp"));
        List<Path> others = List.of(file("photos/cat.jpg/cat.jpg"), file("photos/cat.jpg/x-1-y-1-dog.jpeg"),
                file("photos/cat.jpg/x-1-y-1-cat.jpeg.bak"), file("photos/notes.txt/x-1-y-1-notes.jpeg"),
                file("photos/cat.jpg/x-a-y-1-cat.jpeg"), file("x-1-y-1-cat.jpeg"), file("index.html"));

        new CacheIndex(cache, 0, evicted::add).load();

        assertThat(variants).noneMatch(Files::exists);
        assertThat(evicted).containsExactlyInAnyOrderElementsOf(variants);
        assertThat(others).allMatch(Files::exists);
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
