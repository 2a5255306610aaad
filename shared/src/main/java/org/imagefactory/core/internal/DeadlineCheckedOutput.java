package org.imagefactory.core.internal;

import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.imagefactory.core.Deadline;

/**
 * The stream ImageIO writers encode into, checking the render's {@link Deadline} on every write: a writer
 * writes as it goes, so an encode past the deadline stops within one write. The bytes are those of a plain
 * {@link MemoryCacheImageOutputStream}.
 */
final class DeadlineCheckedOutput extends MemoryCacheImageOutputStream {

    DeadlineCheckedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        Deadline.check();
        super.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Deadline.check();
        super.write(b, off, len);
    }
}
