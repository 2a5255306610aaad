package org.imagefactory.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.imagefactory.core.AtomicFiles;

/**
 * How {@link AtomicFiles} makes a write survive a power loss: the temporary's bytes reach the disk before it is
 * renamed into place, so a name never leads to a short or empty file after a crash, and the folder reaches the
 * disk after, so the new name itself is kept. Without the first step a journaling file system may commit the
 * rename before the data (ext4 with delayed allocation, XFS), and a restarted server serves the hole as an image.
 */
public interface FileSync {

    /** Forces the written bytes and the file's length to the disk. */
    void written(FileChannel file) throws IOException;

    /** Forces the folder's entries to the disk, where the platform lets a folder be opened for it. */
    void renamedIn(Path folder);

    FileSync DISK = new FileSync() {
        @Override
        public void written(FileChannel file) throws IOException {
            file.force(true);
        }

        @Override
        public void renamedIn(Path folder) {
            try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // Windows opens no folder as a file (and NTFS orders a rename after its data); the file's own
                // bytes are on disk already, only the new name could be lost
            }
        }
    };
}
