package org.imagefactory.filter;

import org.imagefactory.core.store.FileStamp;
import org.imagefactory.core.store.ContentHashes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file kept open for the {@link ReplyIndex}, as nginx's {@code open_file_cache} does: a repeated request reads
 * it with one positional read instead of open, read and close, and always gets the bytes of the version its
 * stamp describes, even while the path is being replaced or deleted. The index holds one reference and requests
 * one each while they copy; the channel closes when the index has let go and the last copy is done.
 */
final class OpenFile implements Payload {

    private final Path path;
    private final FileStamp stamp;
    private final FileChannel channel;
    private final String etag;
    private final AtomicInteger references = new AtomicInteger(1);

    private OpenFile(Path path, FileStamp stamp, FileChannel channel, String etag) {
        this.path = path;
        this.stamp = stamp;
        this.channel = channel;
        this.etag = etag;
    }

    /**
     * Opens the file and tags it by its content (hashed once per version), or returns {@code null} when what is
     * there now is not the version the stamp describes, or cannot be read.
     */
    static OpenFile open(Path path, FileStamp stamp, ContentHashes hashes) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path);
        } catch (IOException e) {
            return null;
        }
        if (stamp.provenSameAs(FileStamp.read(path))) {
            try {
                return new OpenFile(path, stamp, channel, Payload.tag(hashes.of(path, stamp, channel)));
            } catch (IOException e) {
                // unreadable after all: as if it were not there
            }
        }
        closeQuietly(channel);
        return null;
    }

    Path path() {
        return path;
    }

    FileStamp stamp() {
        return stamp;
    }

    /** Takes a reference for one response; {@code false} when the file was already closed. */
    boolean acquire() {
        int count;
        do {
            count = references.get();
            if (count == 0) {
                return false;
            }
        } while (!references.compareAndSet(count, count + 1));
        return true;
    }

    /** Gives back a reference; the last one closes the file. */
    void release() {
        if (references.decrementAndGet() == 0) {
            closeQuietly(channel);
        }
    }

    @Override
    public long length() {
        return stamp.size();
    }

    @Override
    public long lastModified() {
        return stamp.lastModifiedMillis();
    }

    @Override
    public String etag() {
        return etag;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        FileStreaming.copy(channel, path, length(), out);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // a read-only channel has nothing to flush: closing cannot lose data
        }
    }
}
