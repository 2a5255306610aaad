package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A source path can never name anything outside its root, however it is spelled. */
class SourcePathTest {

    @ParameterizedTest(name = "''{0}'' ({1})")
    @CsvSource(delimiter = '|', value = {
        "''                   | it is empty",
        "/etc/passwd          | it is absolute",
        "//server/share/a.jpg | it is absolute",
        "../secret.jpg        | '..' segment",
        "a/../../secret.jpg   | '..' segment",
        "a/..                 | '..' segment",
        "..                   | '..' segment",
        "./a.jpg              | '.' or '..' segment",
        "a/./b.jpg            | '.' or '..' segment",
        "a//b.jpg             | empty",
        "a/                   | empty",
        "a\\b.jpg             | backslash",
        "..\\secret.jpg       | backslash",
        "C:/Windows/win.ini   | drive letter",
        "C:secret.jpg         | drive letter",
    })
    void unsafePathIsRefusedSayingWhy(String path, String why) {
        ImageFactoryException e = catchThrowableOfType(ImageFactoryException.class, () -> SourcePath.of(path));

        assertThat(e).as("refusal of '%s'", path).isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.INVALID_ARGUMENT);
        assertThat(e.getMessage()).startsWith("invalid source path '" + path + "'").contains(why);
    }

    @ParameterizedTest(name = "control character 0x{0}")
    @ValueSource(ints = {0x00, 0x01, 0x0a, 0x0d, 0x1f, 0x7f})
    void controlCharactersAreRefusedAndNotEchoed(int c) {
        String path = "a" + (char) c + "b.jpg";

        ImageFactoryException e = catchThrowableOfType(ImageFactoryException.class, () -> SourcePath.of(path));

        assertThat(e.getMessage()).contains("'a?b.jpg'", "control character").doesNotContain(String.valueOf((char) c));
    }

    @Test
    void nullIsRefused() {
        assertThat(catchThrowableOfType(ImageFactoryException.class, () -> SourcePath.of(null)).getMessage())
                .contains("it is empty");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"cat.jpg", "a/b/c/cat.jpg", "..cat.jpg", "cat..jpg", "a/...", ".hidden.png", "a b.jpg",
        "café/страница.jpg", "100%.jpg", "ab:c.jpg/d:e.png", "dir.jpg/x-1-y-1-dir.jpeg"})
    void ordinaryPathsAreAccepted(String path) {
        SourcePath source = SourcePath.of(path);

        assertThat(source.value()).isEqualTo(path);
        assertThat(source.toString()).isEqualTo(path);
        assertThat(source).isEqualTo(SourcePath.of(path)).hasSameHashCodeAs(SourcePath.of(path));
    }

    @Test
    void fileNameIsTheLastSegment() {
        assertThat(SourcePath.of("a/b/cat.jpg").fileName()).isEqualTo("cat.jpg");
        assertThat(SourcePath.of("cat.jpg").fileName()).isEqualTo("cat.jpg");
    }

    @Test
    void resolvesUnderItsRoot(@TempDir Path root) throws IOException {
        Path resolved = SourcePath.of("a/b/cat.jpg").resolveAgainst(root);

        assertThat(resolved.normalize()).startsWithRaw(root).isEqualTo(root.resolve("a").resolve("b").resolve("cat.jpg"));
    }

    @Test
    void relativizeUsesForwardSlashes(@TempDir Path root) {
        SourcePath source = SourcePath.relativize(root, root.resolve("photos").resolve("2024").resolve("cat.jpg"));

        assertThat(source.value()).isEqualTo("photos/2024/cat.jpg");
    }
}
