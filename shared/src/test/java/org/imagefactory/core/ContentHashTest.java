package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {

    @TempDir
    Path dir;

    @Test
    void theSameBytesHaveTheSameHashHoweverTheyAreRead() throws IOException {
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("x-1-y-1-cat.jpeg"), data);

        String hash = ContentHash.of(data);

        assertThat(hash).matches("[0-9a-f]{32}");
        assertThat(ContentHash.of(new ByteArrayInputStream(data))).isEqualTo(hash);
        try (FileChannel channel = FileChannel.open(file)) {
            assertThat(ContentHash.of(channel)).isEqualTo(hash);
        }
        data[123_456] ^= 1;
        assertThat(ContentHash.of(data)).isNotEqualTo(hash);
    }

    @Test
    void itIsTheStartOfTheBytesSha256() {
        assertThat(ContentHash.of(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb924");
    }
}
