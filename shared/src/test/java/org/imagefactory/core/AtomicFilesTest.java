package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.imagefactory.core.internal.FileSync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader sees the whole file or nothing, and a failed write leaves nothing behind. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesCreatingFoldersAndReplacing() throws IOException {
        Path target = dir.resolve("cat.jpg").resolve("x-1-y-1-cat.jpeg");

        AtomicFiles.write(target, new byte[] {1, 2, 3});
        AtomicFiles.write(target, new byte[] {4, 5});

        assertThat(Files.readAllBytes(target)).containsExactly(4, 5);
        assertThat(listing(target.getParent())).containsExactly("x-1-y-1-cat.jpeg");
    }

    @Test
    void failedMoveLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("child"));

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1})).isInstanceOf(IOException.class);

        assertThat(listing(dir)).containsExactly("taken");
    }

    @Test
    void namesUpTo255BytesAreWritten() throws IOException {
        Path ascii = dir.resolve("x".repeat(250) + ".jpeg");
        Path accented = dir.resolve("\u00e9".repeat(120) + ".jpeg");

        AtomicFiles.write(ascii, new byte[] {1});
        AtomicFiles.write(accented, new byte[] {2});

        assertThat(Files.readAllBytes(ascii)).containsExactly(1);
        assertThat(Files.readAllBytes(accented)).containsExactly(2);
        assertThat(listing(dir)).hasSize(2);
    }

    @Test
    void writtenFilesGetTheModeAnyNewFileGets() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.write(dir.resolve("plain"), new byte[] {1});
        Path written = dir.resolve("x-1-y-1-cat.jpeg");

        AtomicFiles.write(written, new byte[] {1});

        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void userAttributesArriveWithTheFile() throws IOException {
        Path target = dir.resolve("x-1-y-1-cat.jpeg");
        assumeTrue(keepsUserAttributes(dir), "the file system keeps no user extended attributes");

        AtomicFiles.write(target, new byte[] {1}, Map.of("imagefactory.test", "made from 42"));

        UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        ByteBuffer value = ByteBuffer.allocate(64);
        view.read("imagefactory.test", value);
        assertThat(StandardCharsets.UTF_8.decode(value.flip()).toString()).isEqualTo("made from 42");
    }

    /**
     * After a power loss the name must lead to the whole file: its bytes reach the disk while it is still the
     * temporary, and the folder (where the new name is) after the rename.
     */
    @Test
    void theBytesReachTheDiskBeforeTheRenameAndTheFolderAfter() throws IOException {
        Path target = dir.resolve("cat.jpg").resolve("x-1-y-1-cat.jpeg");
        List<String> events = new ArrayList<>();
        FileSync recording = new FileSync() {
            @Override
            public void written(FileChannel file) throws IOException {
                events.add("written " + file.size() + " bytes, target " + (Files.exists(target) ? "there" : "absent"));
                FileSync.DISK.written(file);
            }

            @Override
            public void renamedIn(Path folder) {
                events.add("renamed in " + dir.relativize(folder) + ", target "
                        + (Files.exists(target) ? "there" : "absent"));
                FileSync.DISK.renamedIn(folder);
            }
        };

        AtomicFiles.write(target, new byte[] {1, 2, 3}, Map.of(), recording);

        assertThat(events).containsExactly("written 3 bytes, target absent", "renamed in cat.jpg, target there");
    }

    @Test
    void onlyTemporariesOlderThanTheGracePeriodAreAbandoned() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        Path temporary = Path.of(".x-1-y-1-cat.jpeg.123456.tmp");
        FileTime justBefore = FileTime.from(now.minus(AtomicFiles.ABANDONED_AFTER).plusSeconds(1));
        FileTime longBefore = FileTime.from(now.minus(AtomicFiles.ABANDONED_AFTER).minusSeconds(1));

        assertThat(AtomicFiles.isAbandoned(temporary, justBefore, now)).isFalse();
        assertThat(AtomicFiles.isAbandoned(temporary, longBefore, now)).isTrue();
        assertThat(AtomicFiles.isAbandoned(Path.of("x-1-y-1-cat.jpeg"), longBefore, now)).isFalse();
    }

    @Test
    void temporaryNamesAreRecognised() {
        assertThat(AtomicFiles.isTemporary(Path.of(".x-1-y-1-cat.jpeg.123456.tmp"))).isTrue();
        assertThat(AtomicFiles.isTemporary(Path.of("x-1-y-1-cat.jpeg"))).isFalse();
        assertThat(AtomicFiles.isTemporary(Path.of("notes.tmp"))).isFalse();
    }

    private static boolean keepsUserAttributes(Path folder) throws IOException {
        Path probe = Files.createFile(folder.resolve("probe"));
        try {
            Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class).write("imagefactory.probe",
                    ByteBuffer.wrap(new byte[] {1}));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            Files.delete(probe);
        }
    }

    private static java.util.List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
