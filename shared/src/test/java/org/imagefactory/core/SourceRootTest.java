package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootTest {

    @TempDir
    Path temp;
    private Path webApp;
    private List<Path> hidden;

    /** A web app used as the source root: pictures, a WEB-INF with a picture, and links of every kind. */
    @BeforeEach
    void webApp() throws IOException {
        webApp = Files.createDirectories(temp.resolve("app"));
        Files.createDirectories(webApp.resolve("photos"));
        Files.createDirectories(webApp.resolve("WEB-INF"));
        Files.writeString(webApp.resolve("photos/cat.jpg"), "cat");
        Files.writeString(webApp.resolve("WEB-INF/private.jpg"), "private");
        Files.writeString(temp.resolve("outside.jpg"), "outside");
        Files.createSymbolicLink(webApp.resolve("photos/alias.jpg"), Path.of("cat.jpg"));
        Files.createSymbolicLink(webApp.resolve("photos/private.jpg"), Path.of("../WEB-INF/private.jpg"));
        Files.createSymbolicLink(webApp.resolve("inside"), Path.of("WEB-INF"));
        Files.createSymbolicLink(webApp.resolve("photos/outside.jpg"), temp.resolve("outside.jpg"));
        hidden = List.of(webApp.resolve("WEB-INF"), webApp.resolve("META-INF"));
    }

    private Path read(SourceRoot root, String path) {
        return root.realPath(SourcePath.of(path)).orElse(null);
    }

    @Test
    void withoutFollowingLinksAnyLinkOnTheWayIsRefused() throws IOException {
        SourceRoot root = SourceRoot.of(webApp, false, hidden);

        assertThat(read(root, "photos/cat.jpg")).isEqualTo(webApp.toRealPath().resolve("photos/cat.jpg"));
        assertThat(read(root, "photos/alias.jpg")).isNull();
        assertThat(read(root, "photos/private.jpg")).isNull();
        assertThat(read(root, "inside/private.jpg")).isNull();
        assertThat(read(root, "photos/outside.jpg")).isNull();
        assertThat(read(root, "photos/missing.jpg")).isNull();
    }

    @Test
    void followingLinksStillKeepsTheFileUnderTheRootAndOutOfHiddenFolders() throws IOException {
        SourceRoot root = SourceRoot.of(webApp, true, hidden);

        assertThat(read(root, "photos/alias.jpg")).isEqualTo(webApp.toRealPath().resolve("photos/cat.jpg"));
        assertThat(read(root, "photos/private.jpg")).isNull();
        assertThat(read(root, "inside/private.jpg")).isNull();
        assertThat(read(root, "photos/outside.jpg")).isNull();
    }

    @Test
    void aHiddenFolderIsJudgedByItsRealPathWhateverTheSpellingOfTheRoot() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("linked-app"), webApp);
        SourceRoot root = SourceRoot.of(linkedRoot, true, List.of(linkedRoot.resolve("WEB-INF")));

        assertThat(root.directory()).isEqualTo(webApp.toRealPath());
        assertThat(read(root, "photos/cat.jpg")).isNotNull();
        assertThat(read(root, "photos/private.jpg")).isNull();
    }

    @Test
    void aRootInsideAHiddenFolderIsAChoiceAndServes() throws IOException {
        Files.writeString(Files.createDirectories(webApp.resolve("WEB-INF/pictures")).resolve("dog.jpg"), "dog");
        SourceRoot root = SourceRoot.of(webApp.resolve("WEB-INF/pictures"), false, hidden);

        assertThat(read(root, "dog.jpg")).isNotNull();
    }

    @Test
    void aMissingRootIsRefusedAtOnce() {
        assertThatThrownBy(() -> SourceRoot.of(temp.resolve("missing"), false, List.of()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SourceRoot.of(webApp.resolve("photos/cat.jpg"), false, List.of()))
                .isInstanceOf(IOException.class);
    }
}
