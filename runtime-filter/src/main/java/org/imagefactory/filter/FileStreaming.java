package org.imagefactory.filter;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Copies a file to a response through one buffer per container thread, so serving a file allocates nothing in
 * proportion to its length, and reads exactly the announced length (no extra read to find the end).
 */
final class FileStreaming {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> BUFFERS = new ThreadLocal<>();

    private FileStreaming() {
    }

    /** Copies with positional reads, so several threads may copy from one channel at once. */
    static void copy(FileChannel channel, Path file, long length, OutputStream out) throws IOException {
        ByteBuffer buffer = buffer();
        long position = 0;
        while (position < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new EOFException(file + " ended before the " + length + " bytes its length announced:"
                        + " it was rewritten in place while being served");
            }
            out.write(buffer.array(), 0, read);
            position += read;
        }
    }

    private static ByteBuffer buffer() {
        ByteBuffer buffer = BUFFERS.get();
        if (buffer == null) {
            buffer = ByteBuffer.allocate(BUFFER_BYTES);
            BUFFERS.set(buffer);
        }
        return buffer;
    }
}
