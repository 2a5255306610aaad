package org.imagefactory.core.internal.png;

import java.io.Closeable;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The zlib stream spread over consecutive IDAT chunks, inflated straight into the caller's row buffers through
 * one reusable input buffer, so nothing grows with the image.
 */
final class ImageData implements Closeable {

    private static final int IDAT = ChunkStream.type("IDAT");
    private static final int IEND = ChunkStream.type("IEND");
    private static final String TRUNCATED = "the image data is truncated";

    private final ChunkStream chunks;
    private final Inflater inflater = new Inflater();
    private final byte[] input = new byte[1 << 16];
    private boolean lastChunk;

    /** {@code chunks} is at the data of the first IDAT chunk. */
    ImageData(ChunkStream chunks) {
        this.chunks = chunks;
    }

    void readFully(byte[] b, int off, int len) throws IOException, CorruptPngException {
        while (len > 0) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new CorruptPngException("the image data is damaged (" + e.getMessage() + ")");
            }
            off += n;
            len -= n;
            if (n == 0) {
                if (inflater.finished()) {
                    throw new CorruptPngException(TRUNCATED);
                }
                if (inflater.needsDictionary()) {
                    throw new CorruptPngException("the image data needs a preset dictionary");
                }
                // Nothing out and neither finished nor waiting for a dictionary: the inflater needs input.
                fill();
            }
        }
    }

    /**
     * Walks the chunks after the image data up to IEND: ImageIO reads them all before it decodes, so a file cut
     * anywhere before IEND is refused by both.
     */
    void finish() throws IOException, CorruptPngException {
        int type;
        do {
            type = chunks.next();
        } while (type != IEND);
    }

    private void fill() throws IOException, CorruptPngException {
        while (chunks.remaining() == 0) {
            if (lastChunk || chunks.next() != IDAT) {
                lastChunk = true;
                throw new CorruptPngException(TRUNCATED);
            }
        }
        int n = chunks.read(input, 0, input.length);
        inflater.setInput(input, 0, n);
    }

    @Override
    public void close() {
        inflater.end();
    }
}
