package org.imagefactory.core.internal;

import java.io.IOException;
import java.util.Arrays;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A read-only view of a source file made of pieces: ranges of the file, in order, and a few small replacement
 * bytes (a patched header or length). An ImageIO reader given the view sees only the pieces, so a chunk left out
 * of them is never read, inflated or kept. Invariant: the view's bytes are exactly its pieces' bytes, in order,
 * and its length is their sum; a range that runs past the end of the file ends the view there, as the file does.
 */
public final class SplicedImageStream extends ImageInputStreamImpl {

    private final ImageInputStream file;
    /** Per piece: where it starts in the view; {@code starts[count]} is the view's length. */
    private final long[] starts;
    /** Per piece: where its bytes start in the file, or -1 for replacement bytes. */
    private final long[] fileOffsets;
    private final byte[][] replacements;
    private final int count;
    private final byte[] one = new byte[1];

    private SplicedImageStream(ImageInputStream file, Builder pieces) {
        this.file = file;
        this.count = pieces.count;
        this.starts = Arrays.copyOf(pieces.starts, count + 1);
        this.fileOffsets = Arrays.copyOf(pieces.fileOffsets, count);
        this.replacements = Arrays.copyOf(pieces.replacements, count);
        starts[count] = pieces.length;
    }

    /** Collects pieces in view order; adjacent file ranges are merged, so a view has few pieces. */
    public static final class Builder {
        private long[] starts = new long[8];
        private long[] fileOffsets = new long[8];
        private byte[][] replacements = new byte[8][];
        private int count;
        private long length;
        private long nextFileOffset = -1;

        /** Adds {@code length} bytes of the file starting at {@code offset}. */
        public Builder range(long offset, long length) {
            if (length <= 0) {
                return this;
            }
            if (count > 0 && fileOffsets[count - 1] >= 0 && offset == nextFileOffset) {
                this.length += length;
            } else {
                add(offset, null, length);
            }
            nextFileOffset = offset + length;
            return this;
        }

        /** Adds bytes that stand in for the file's own at this place of the view. */
        public Builder bytes(byte[] data) {
            if (data.length > 0) {
                add(-1, data.clone(), data.length);
                nextFileOffset = -1;
            }
            return this;
        }

        public int pieces() {
            return count;
        }

        long length() {
            return length;
        }

        public ImageInputStream over(ImageInputStream file) {
            return new SplicedImageStream(file, this);
        }

        private void add(long fileOffset, byte[] data, long size) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                fileOffsets = Arrays.copyOf(fileOffsets, fileOffsets.length * 2);
                replacements = Arrays.copyOf(replacements, replacements.length * 2);
            }
            starts[count] = length;
            fileOffsets[count] = fileOffset;
            replacements[count] = data;
            count++;
            length += size;
        }
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        if (off < 0 || len < 0 || off + len > b.length || off + len < 0) {
            throw new IndexOutOfBoundsException();
        }
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= starts[count]) {
            return -1;
        }
        int piece = pieceAt(streamPos);
        long within = streamPos - starts[piece];
        int n = (int) Math.min(len, starts[piece + 1] - streamPos);
        if (fileOffsets[piece] < 0) {
            System.arraycopy(replacements[piece], (int) within, b, off, n);
        } else {
            file.seek(fileOffsets[piece] + within);
            n = file.read(b, off, n);
            if (n < 0) {
                return -1;
            }
        }
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return starts[count];
    }

    @Override
    public void close() throws IOException {
        super.close();
        file.close();
    }

    private int pieceAt(long position) {
        int found = Arrays.binarySearch(starts, 0, count, position);
        return found >= 0 ? found : -found - 2;
    }
}
