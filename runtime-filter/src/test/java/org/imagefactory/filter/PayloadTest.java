package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.imagefactory.core.ContentHash;
import org.imagefactory.core.store.ContentHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PayloadTest {

    private static final byte[] VARIANT = "variant bytes".getBytes(StandardCharsets.US_ASCII);

    private static final long BUILT = 1_700_000_000_000L;

    @TempDir
    Path temp;

    @Test
    @EnabledOnOs(OS.LINUX)
    void lookingUpAResourceInAPackedWarLeavesNoFileOpen() throws Exception {
        Path war = temp.resolve("site.war");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(war))) {
            JarEntry entry = new JarEntry("WEB-INF/imagefactory/x-1-y-1-cat.jpeg");
            entry.setTime(BUILT);
            jar.putNextEntry(entry);
            jar.write(VARIANT);
        }
        URL url = new URL("jar:" + war.toUri() + "!/WEB-INF/imagefactory/x-1-y-1-cat.jpeg");
        long before = openFiles();

        for (int i = 0; i < 50; i++) {
            assertThat(Payload.Resource.of(url, new ContentHashes()).length()).isEqualTo(VARIANT.length);
        }

        assertThat(openFiles() - before).isLessThan(10);
        Payload.Resource resource = Payload.Resource.of(url, new ContentHashes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resource.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(VARIANT);
        assertThat(resource.lastModified()).isEqualTo(BUILT);
        assertThat(resource.etag()).as("tagged by content, not by date")
                .isEqualTo(Payload.tag(ContentHash.of(VARIANT)));
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }
}
