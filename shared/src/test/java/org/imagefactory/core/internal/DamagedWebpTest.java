package org.imagefactory.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.imagefactory.core.Fixtures;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.internal.EndOfDataGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged WebPs a fuzzer found (mutations of the committed fixtures, rebuilt here byte for byte): each is refused
 * as damaged, at once, instead of an {@code OutOfMemoryError} (a 503 from the filter), a decode of 550 million
 * pixels from a 162-byte file, or a reader looping for a minute.
 */
class DamagedWebpTest {

    @TempDir
    Path dir;

    /** A chunk length of 2^31 - 1 in the lossy WebP with alpha: libwebp reports "out of memory". */
    @Test
    void aChunkDeclaringTwoGigabytesIsDamagedNotOutOfMemory() throws IOException {
        byte[] webp = Files.readAllBytes(Fixtures.resource("lossy-alpha.webp"));
        webp[54] = 0x7F;
        webp[55] = (byte) 0xFF;
        webp[56] = (byte) 0xFF;
        webp[57] = (byte) 0xFF;

        ImageFactoryException refusal = refusal(Files.write(dir.resolve("huge-chunk.webp"), webp));

        assertThat(refusal.getMessage()).contains("libwebp");
    }

    /**
     * One byte of the lossless WebP zeroed: libwebp calls the data damaged, and that is final. TwelveMonkeys' reader
     * makes an image of it (and on other such files loops for seconds), so it is not asked.
     */
    @Test
    void libwebpsVerdictOnDamagedDataIsFinal() throws IOException {
        byte[] webp = Files.readAllBytes(Fixtures.resource("lossless-alpha.webp"));
        webp[25] = 0;

        ImageFactoryException refusal = refusal(Files.write(dir.resolve("damaged.webp"), webp));

        assertThat(refusal.getMessage()).endsWith("(libwebp: Decode returned code BitstreamError)");
    }

    /**
     * The animated fixture with its first frame's chunk name mangled ({@code ANMf}) and nine more bytes changed:
     * TwelveMonkeys' reader (libwebp's refuses animations) then finds an image of hundreds of millions of pixels
     * in it, past the pixel limit the probe checked on the container's canvas.
     */
    @Test
    void aFrameLargerThanItsCanvasIsDamaged() throws IOException {
        byte[] webp = Files.readAllBytes(Fixtures.resource("animated.webp"));
        int[][] edits = {{47, 0x66}, {125, 0x7F}, {126, 0xFF}, {127, 0xFF}, {128, 0xFB}, {131, 0x5B}, {132, 0xF9},
            {133, 0xE2}, {134, 0xFC}};
        for (int[] edit : edits) {
            webp[edit[0]] = (byte) edit[1];
        }

        ImageFactoryException refusal = refusal(Files.write(dir.resolve("bomb.webp"), webp));

        assertThat(refusal.getMessage()).contains("more than the");
    }

    @Test
    void aReaderThatKeepsReadingPastTheEndIsStopped() throws IOException {
        ImageInputStream in = new EndOfDataGuard(new MemoryCacheImageInputStream(new ByteArrayInputStream(
                new byte[10])));
        int reads = 0;
        IOException stop = null;
        while (stop == null && reads < 10 * EndOfDataGuard.READS_AT_END) {
            try {
                in.readLong();
            } catch (EOFException e) {
                // what a looping reader does: take the end of file for zeros and read on
            } catch (IOException e) {
                stop = e;
            }
            reads++;
        }

        assertThat(stop).as("an IOException other than EOFException").isNotNull();
        assertThat(reads).as("reads before it stopped").isLessThan(EndOfDataGuard.READS_AT_END + 8);
    }

    private static ImageFactoryException refusal(Path file) {
        long start = System.nanoTime();
        ImageFactoryException refusal = catchThrowableOfType(ImageFactoryException.class,
                () -> Fixtures.render(file, "scalex=32"));
        assertThat(refusal).as("a typed refusal").isNotNull();
        assertThat(refusal.failure()).isEqualTo(Failure.CORRUPT_IMAGE);
        assertThat(refusal.getMessage()).startsWith(file + ": ");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to refuse it").isLessThan(2.0);
        return refusal;
    }
}
