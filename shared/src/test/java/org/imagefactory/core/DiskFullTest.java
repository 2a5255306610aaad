package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.imagefactory.core.internal.DiskFull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void theSystemsWordsForAFullDiskOrQuotaAreRecognised() {
        assertThat(DiskFull.caused(new IOException("No space left on device"), dir, 1)).isTrue();
        assertThat(DiskFull.caused(new IOException("write failed", new IOException("Disk quota exceeded")), dir, 1))
                .isTrue();
    }

    @Test
    void anotherFailureWithRoomToSpareIsNotAFullDisk() {
        assertThat(DiskFull.caused(new IOException("Permission denied"), dir, 1)).isFalse();
    }

    @Test
    void aFailureWhereTheFileStoreHasNoRoomForTheBytesIsAFullDiskInAnyLanguage() {
        assertThat(DiskFull.caused(new IOException("Kein Speicherplatz mehr verf\u00fcgbar"), dir, Long.MAX_VALUE))
                .isTrue();
    }
}
