package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantSpec;
import org.imagefactory.core.store.ContentHashes;
import org.imagefactory.core.store.FileStamp;
import org.imagefactory.core.store.Source;
import org.imagefactory.core.store.VariantKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PregeneratedTest {

    /** A source older than any file a test writes. */
    private static final Source OLD_SOURCE = new Source(SourcePath.of("photos/cat.jpg"), Path.of("/photos/cat.jpg"),
            new FileStamp(null, FileTime.fromMillis(0), 1));

    /** {@code photos/cat.jpg/x-100-y-100-cat.jpeg} */
    private static final VariantKey KEY = new VariantKey(SourcePath.of("photos/cat.jpg"),
            new VariantSpec(100, 100, Encoding.JPEG, VariantSpec.STANDARD_QUALITY));

    @TempDir
    Path root;

    @Test
    void aVariantPathThroughAFileIsNotPregenerated() throws Exception {
        Files.createDirectories(root.resolve("photos"));
        Files.writeString(root.resolve("photos/cat.jpg"), "a file where the variant folder would be");

        assertThat(KEY.path()).isEqualTo("photos/cat.jpg/x-100-y-100-cat.jpeg");
        assertThat(Pregenerated.inDirectory(root).find(KEY, OLD_SOURCE, new ContentHashes())).isEmpty();
    }

    @Test
    void aPregeneratedFileFoundIsServedWholeEvenWhenDeletedBeforeTheResponseIsWritten() throws Exception {
        Path variant = Files.createDirectories(root.resolve("photos/cat.jpg")).resolve("x-100-y-100-cat.jpeg");
        Files.writeString(variant, "variant bytes");
        Payload found = Pregenerated.inDirectory(root)
                .find(KEY, OLD_SOURCE, new ContentHashes())
                .orElseThrow();

        Files.delete(variant);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        found.writeTo(response);

        assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("variant bytes");
        ((OpenFile) found).release();
    }

    @Test
    void aFileOlderThanItsSourceIsStaleUnlessShippedWithIt() throws Exception {
        Path variant = Files.createDirectories(root.resolve("photos/cat.jpg")).resolve("x-100-y-100-cat.jpeg");
        Files.writeString(variant, "variant bytes");
        Source newer = new Source(SourcePath.of("photos/cat.jpg"), Path.of("/photos/cat.jpg"),
                new FileStamp(null, FileTime.fromMillis(System.currentTimeMillis() + 60_000), 1));

        assertThat(Pregenerated.inDirectory(root).find(KEY, newer, new ContentHashes())).isEmpty();
        Payload shipped = Pregenerated.inDirectory(root).shippedWithSources().find(KEY, newer, new ContentHashes())
                .orElseThrow();
        ((OpenFile) shipped).release();
    }
}
