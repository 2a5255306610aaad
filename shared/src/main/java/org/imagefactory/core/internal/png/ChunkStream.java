package org.imagefactory.core.internal.png;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a PNG file chunk by chunk: the header of each, then as much of its data as the caller wants. */
final class ChunkStream implements Closeable {

    private final InputStream in;
    private long remaining;
    private boolean open;
    private int length;

    ChunkStream(InputStream in) {
        this.in = in;
    }

    boolean signature() throws IOException {
        byte[] expected = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] actual = new byte[8];
        readFully(actual, 0, 8);
        return Arrays.equals(expected, actual);
    }

    /**
     * Skips what is left of the current chunk and its CRC (never checked, as ImageIO does not check it either)
     * and reads the next chunk's length and type.
     *
     * @return the chunk type, four ASCII letters big-endian
     * @throws CorruptPngException when the length is over 2^31 - 1
     */
    int next() throws IOException, CorruptPngException {
        if (open) {
            skipFully(remaining + 4);
        }
        length = readInt();
        int type = readInt();
        if (length < 0) {
            throw new CorruptPngException("a chunk claims " + Integer.toUnsignedString(length) + " bytes");
        }
        remaining = length;
        open = true;
        return type;
    }

    /** The current chunk's length. */
    int length() {
        return length;
    }

    /** Bytes of the current chunk not yet read. */
    long remaining() {
        return remaining;
    }

    /** Reads up to {@code len} bytes of the current chunk's data; at least one unless the chunk is used up. */
    int read(byte[] b, int off, int len) throws IOException {
        int n = (int) Math.min(len, remaining);
        if (n == 0) {
            return 0;
        }
        int read = in.read(b, off, n);
        if (read < 0) {
            throw new EOFException();
        }
        remaining -= read;
        return read;
    }

    /** Reads exactly {@code len} bytes of the current chunk's data. */
    byte[] readData(int len) throws IOException {
        if (len > remaining) {
            throw new EOFException();
        }
        byte[] data = new byte[len];
        readFully(data, 0, len);
        remaining -= len;
        return data;
    }

    static int type(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }

    private int readInt() throws IOException {
        byte[] b = new byte[4];
        readFully(b, 0, 4);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        if (in.readNBytes(b, off, len) < len) {
            throw new EOFException();
        }
    }

    private void skipFully(long n) throws IOException {
        in.skipNBytes(n);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
