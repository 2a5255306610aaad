package org.imagefactory.core.internal.gif;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a chain of GIF data sub-blocks (a length byte, that many bytes, ..., a zero length), read as one
 * stream that ends at the terminator. The end of the file inside the chain is an {@link EOFException}: the file
 * is truncated.
 */
final class SubBlocks {

    private final InputStream in;
    private int left;
    private boolean ended;

    SubBlocks(InputStream in) {
        this.in = in;
    }

    /** The next byte, or -1 after the terminator. */
    int read() throws IOException {
        while (left == 0) {
            if (ended) {
                return -1;
            }
            left = u8(in);
            ended = left == 0;
        }
        left--;
        return u8(in);
    }

    /** Skips a whole chain of sub-blocks without keeping any of it. */
    static void skip(InputStream in) throws IOException {
        for (int size = u8(in); size != 0; size = u8(in)) {
            in.skipNBytes(size);
        }
    }

    static int u8(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }
}
