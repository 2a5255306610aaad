package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PregeneratedTest {

    @TempDir
    Path root;

    @Test
    void aVariantPathThroughAFileIsNotPregenerated() throws Exception {
        Files.createDirectories(root.resolve("photos"));
        Files.writeString(root.resolve("photos/cat.jpg"), "a file where the variant folder would be");

        assertThat(Pregenerated.inDirectory(root).find("photos/cat.jpg/x-100-y-100-cat.jpeg", FileTime.fromMillis(0),
                new ContentHashes())).isEmpty();
    }

    @Test
    void aPregeneratedFileFoundIsServedWholeEvenWhenDeletedBeforeTheResponseIsWritten() throws Exception {
        Path variant = Files.createDirectories(root.resolve("photos/cat.jpg")).resolve("x-100-y-100-cat.jpeg");
        Files.writeString(variant, "variant bytes");
        Payload found = Pregenerated.inDirectory(root)
                .find("photos/cat.jpg/x-100-y-100-cat.jpeg", FileTime.fromMillis(0), new ContentHashes())
                .orElseThrow();

        Files.delete(variant);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        found.writeTo(response);

        assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("variant bytes");
        ((OpenFile) found).release();
    }
}
