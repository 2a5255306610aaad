package org.imagefactory.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.imagefactory.core.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSelectorTest {

    @Test
    void theDefaultTakesEveryImageExtensionInAnyCaseAtAnyDepth() {
        SourceSelector selector = SourceSelector.of(null, null);

        assertThat(selector.matches("cat.jpg")).isTrue();
        assertThat(selector.matches("a/b/IMG_0001.JPG")).isTrue();
        assertThat(selector.matches("logo.Png")).isTrue();
        assertThat(selector.matches("anim.gif")).isTrue();
        assertThat(selector.matches("photo.webp")).isTrue();
        assertThat(selector.matches("notes.txt")).isFalse();
        assertThat(selector.matches("cat.jpg.bak")).isFalse();
    }

    @Test
    void patternsFollowAntRules() {
        SourceSelector selector = SourceSelector.of(List.of("photos/**/*.jpg", "logo?.png", "icons/"),
                List.of("**/drafts/**"));

        assertThat(selector.matches("photos/cat.jpg")).isTrue();
        assertThat(selector.matches("photos/2024/may/cat.jpg")).isTrue();
        assertThat(selector.matches("photos/2024/drafts/cat.jpg")).isFalse();
        assertThat(selector.matches("cat.jpg")).isFalse();
        assertThat(selector.matches("logo1.png")).isTrue();
        assertThat(selector.matches("logo12.png")).isFalse();
        assertThat(selector.matches("icons/a/b.gif")).isTrue();
        assertThat(selector.matches("photos/cat.png")).isFalse();
    }

    @Test
    void aScanListsSelectedFilesSortedAndSkipsTheOutputFolderAndTemporaries(@TempDir Path root) throws Exception {
        Fixtures.write(Fixtures.filled(4, 4, Color.RED), "png", root.resolve("b.png"));
        Fixtures.write(Fixtures.filled(4, 4, Color.RED), "png", root.resolve("a/c.png"));
        Fixtures.write(Fixtures.filled(4, 4, Color.RED), "png", root.resolve("out/a.png/x-2-y-2-a.png"));
        Files.writeString(root.resolve(".b.png.123.tmp"), "half written");
        Files.writeString(root.resolve("readme.txt"), "text");

        List<Path> files = SourceSelector.of(List.of("**/*"), null).scan(root, root.resolve("out"));

        assertThat(files).containsExactly(root.resolve("a/c.png"), root.resolve("b.png"), root.resolve("readme.txt"));
    }
}
