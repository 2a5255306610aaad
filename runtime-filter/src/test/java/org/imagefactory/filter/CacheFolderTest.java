package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFolderTest {

    @TempDir
    Path root;

    private Map<String, Path> folders(Path source, Path pregenerated) {
        Map<String, Path> folders = new HashMap<>();
        folders.put("sourceRoot", source);
        folders.put("pregeneratedRoot", pregenerated);
        return folders;
    }

    @Test
    void aCacheAroundTheSourcesIsRefused() throws Exception {
        Path source = Files.createDirectories(root.resolve("app/pictures"));

        assertThatThrownBy(() -> CacheFolder.prepare(root.resolve("app"), folders(source, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cacheDir " + root.resolve("app")).hasMessageContaining("sourceRoot");
    }

    @Test
    void aCacheInsideTheSourcesThroughALinkIsRefused() throws Exception {
        Path source = Files.createDirectories(root.resolve("pictures"));
        Path link = Files.createSymbolicLink(root.resolve("link"), source);

        assertThatThrownBy(() -> CacheFolder.prepare(link.resolve("cache"), folders(source, null)))
                .hasMessageContaining("sourceRoot");
        assertThatThrownBy(() -> CacheFolder.prepare(link, folders(source, null)))
                .hasMessageContaining("sourceRoot");
    }

    @Test
    void aCacheAroundOrInsideThePregeneratedFilesIsRefused() throws Exception {
        Path source = Files.createDirectories(root.resolve("pictures"));
        Path pregenerated = Files.createDirectories(root.resolve("cache/pregenerated"));

        assertThatThrownBy(() -> CacheFolder.prepare(root.resolve("cache"), folders(source, pregenerated)))
                .hasMessageContaining("pregeneratedRoot");
        assertThatThrownBy(() -> CacheFolder.prepare(pregenerated.resolve("x"), folders(source, pregenerated)))
                .hasMessageContaining("pregeneratedRoot");
    }

    @Test
    void aCacheOfItsOwnIsCreatedAndReturnedAsItsRealPath() throws Exception {
        Path source = Files.createDirectories(root.resolve("pictures"));
        Path link = Files.createSymbolicLink(root.resolve("link"), Files.createDirectories(root.resolve("real")));

        Path cache = CacheFolder.prepare(link.resolve("cache"), folders(source, root.resolve("pictures-built")));

        assertThat(cache).isEqualTo(root.toRealPath().resolve("real/cache")).isDirectory();
    }
}
