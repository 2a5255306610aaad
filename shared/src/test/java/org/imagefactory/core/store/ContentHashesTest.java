package org.imagefactory.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.imagefactory.core.ContentHash;
import org.imagefactory.core.SourcePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashesTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsReadForItsHashOncePerVersion() throws Exception {
        ContentHashes hashes = new ContentHashes();
        AtomicInteger reads = new AtomicInteger();
        FileStamp first = new FileStamp(1L, FileTime.fromMillis(1000), 10);
        FileStamp second = new FileStamp(1L, FileTime.fromMillis(2000), 10);

        for (int request = 0; request < 3; request++) {
            hashes.of("photos/cat.jpg", first, () -> "h" + reads.incrementAndGet());
        }
        String changed = hashes.of("photos/cat.jpg", second, () -> "h" + reads.incrementAndGet());

        assertThat(reads).hasValue(2);
        assertThat(changed).isEqualTo("h2");
    }

    @Test
    void copiesOfASourceThatDifferOnlyInDateHaveOneHash() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jpg"), "the same bytes");
        Path b = Files.writeString(dir.resolve("b.jpg"), "the same bytes");
        Files.setLastModifiedTime(b, FileTime.from(Instant.now().plusSeconds(3600)));
        ContentHashes hashes = new ContentHashes();

        String hashA = hashes.of(new Source(SourcePath.of("a.jpg"), a, FileStamp.read(a)));
        String hashB = hashes.of(new Source(SourcePath.of("b.jpg"), b, FileStamp.read(b)));

        assertThat(hashB).isEqualTo(hashA).isEqualTo(ContentHash.of(Files.readAllBytes(a)));
    }
}
