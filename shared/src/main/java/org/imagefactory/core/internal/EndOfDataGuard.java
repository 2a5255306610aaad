package org.imagefactory.core.internal;

import java.io.IOException;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

import org.imagefactory.core.Deadline;

/**
 * A source stream for ImageIO readers that ends a decode which keeps reading past the end of the data. A damaged
 * file can send a reader into a loop that refills from the end again and again: a 50-byte lossless WebP kept
 * TwelveMonkeys' reader busy for a minute, catching each end of file and reading on with zeros. A sound decode
 * meets the end a few times at most, so past {@link #READS_AT_END} the guard fails the read with an
 * {@code IOException} that is not an {@code EOFException}, which such a loop does not catch. Every read also
 * checks the render's {@link Deadline}: each ImageIO decoder reads through here as it goes.
 */
public final class EndOfDataGuard extends ImageInputStreamImpl {

    static final int READS_AT_END = 4096;

    private final ImageInputStream in;
    private int readsAtEnd;

    EndOfDataGuard(ImageInputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        Deadline.check();
        bitOffset = 0;
        int b = in.read();
        if (b < 0) {
            atEnd();
        } else {
            streamPos++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        Deadline.check();
        bitOffset = 0;
        int n = in.read(b, off, len);
        if (n < 0) {
            atEnd();
        } else {
            streamPos += n;
        }
        return n;
    }

    @Override
    public void seek(long pos) throws IOException {
        super.seek(pos);
        in.seek(pos);
    }

    @Override
    public long length() {
        try {
            return in.length();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        in.close();
    }

    private void atEnd() throws IOException {
        if (++readsAtEnd > READS_AT_END) {
            throw new IOException("the decoder read past the end of the data " + READS_AT_END
                    + " times (damaged data)");
        }
    }
}
