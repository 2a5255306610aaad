package org.imagefactory.core.internal.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoder never trusts the header with an allocation, and never reads more rows than the sample needs. */
class PngDecoderLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aRowOverTwoGibibytesIsRefusedBeforeAnyAllocation() throws IOException {
        int width = Integer.MAX_VALUE;
        byte[] png = new PngWriter(1, 1, 2, 16).write(new int[3], new SplittableRandom(1));
        // The IHDR's CRC is left stale: neither ImageIO nor the decoder checks it.
        Path file = Files.write(dir.resolve("wide.png"), ByteBuffer.wrap(png).putInt(16, width).array());
        assertThatThrownBy(() -> PngDecoder.decode(file, width, 1, 1))
                .isInstanceOf(ImageFactoryException.class)
                .hasMessage(file + ": a row of " + width + " pixels is over 2 GiB")
                .extracting(e -> ((ImageFactoryException) e).failure()).isEqualTo(Failure.CORRUPT_IMAGE);
    }

    @Test
    void rowsPastTheLastSampledOneAreNotRead() throws Exception {
        int[] samples = new int[9 * 9];
        byte[] png = new PngWriter(9, 9, 0, 8).write(samples, new SplittableRandom(2));
        // Subsampling 4 keeps rows 1 and 5: the image data is cut inside row 8.
        byte[] cut = PngWriter.chunkBytes("IDAT", Arrays.copyOf(PngWriter.deflate(new byte[10 * 7]), 20));
        Path file = Files.write(dir.resolve("cut.png"), spliceImageData(png, cut));
        assertThat(PngDecoder.decode(file, 9, 9, 4).images().get(0).getHeight()).isEqualTo(2);
        assertThatThrownBy(() -> PngDecoder.decode(file, 9, 9, 1)).isInstanceOf(ImageFactoryException.class)
                .hasMessage(file + ": the image data is truncated");
    }

    /** {@code png} with its IDAT chunks replaced by {@code idat}. */
    private static byte[] spliceImageData(byte[] png, byte[] idat) {
        int ihdrEnd = 8 + 25;
        byte[] iend = PngWriter.chunkBytes("IEND", new byte[0]);
        byte[] out = new byte[ihdrEnd + idat.length + iend.length];
        System.arraycopy(png, 0, out, 0, ihdrEnd);
        System.arraycopy(idat, 0, out, ihdrEnd, idat.length);
        System.arraycopy(iend, 0, out, ihdrEnd + idat.length, iend.length);
        return out;
    }
}
