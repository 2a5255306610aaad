package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small files whose headers claim enormous sizes. They must be refused from the header alone: quickly, and
 * without allocating anything that grows with the claimed size (a 100,000 × 100,000 RGBA buffer is 40 GB).
 */
class DecompressionBombTest {

    private static final long MAX_ALLOCATION = 16L << 20;

    @TempDir
    Path dir;

    /** A valid PNG whose IHDR claims 100,000 × 100,000 and whose IDAT inflates to the first rows of zeros. */
    static byte[] pngBomb() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        png.writeBytes(Fixtures.pngChunk("IHDR", ihdr.array()));
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] compressed = new byte[1 << 16];
        int length = deflater.deflate(compressed);
        png.writeBytes(Fixtures.pngChunk("IDAT", java.util.Arrays.copyOf(compressed, length)));
        png.writeBytes(Fixtures.pngChunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    /** A JPEG whose baseline frame header (SOF0) claims 60000 × 60000, followed by a little scan data. */
    static byte[] jpegBomb() throws IOException {
        byte[] real = Fixtures.jpeg(Fixtures.filled(16, 16, java.awt.Color.GRAY), 80);
        for (int i = 2; i + 9 < real.length; ) {
            int marker = real[i + 1] & 0xFF;
            if (marker == 0xC0) {
                real[i + 5] = (byte) (60000 >> 8);
                real[i + 6] = (byte) 60000;
                real[i + 7] = (byte) (60000 >> 8);
                real[i + 8] = (byte) 60000;
                return real;
            }
            i += 2 + ((real[i + 2] & 0xFF) << 8 | (real[i + 3] & 0xFF));
        }
        throw new IllegalStateException("the JDK wrote a JPEG without SOF0");
    }

    @Test
    void pngClaimingTenGigapixelsIsRefusedFromItsHeader() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngBomb());
        assertThat(Files.size(bomb)).isLessThan(4096);

        assertRefusedCheaply(bomb, "100000x100000");
    }

    @Test
    void jpegClaiming60000SquaredIsRefusedFromItsHeader() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.jpg"), jpegBomb());

        assertRefusedCheaply(bomb, "60000x60000");
    }

    @Test
    void limitIsConfigurable() throws IOException {
        Path source = Fixtures.write(Fixtures.filled(100, 100, java.awt.Color.GRAY), "png", dir.resolve("small.png"));
        ResizePipeline strict = new ResizePipeline(PipelineOptions.DEFAULTS.withMaxSourcePixels(9_999));

        ImageFactoryException refused = catchThrowableOfType(ImageFactoryException.class, () -> strict.probe(source));

        assertThat(refused.failure()).isEqualTo(Failure.TOO_LARGE);
        assertThat(refused.getMessage()).contains("10000 pixels", "9999");
        assertThat(new ResizePipeline(PipelineOptions.DEFAULTS.withMaxSourcePixels(10_000)).probe(source).pixels())
                .isEqualTo(10_000);
    }

    private static void assertRefusedCheaply(Path bomb, String claimedSize) {
        ResizePipeline pipeline = new ResizePipeline();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();

        ImageFactoryException refused = catchThrowableOfType(ImageFactoryException.class, () -> pipeline.probe(bomb));

        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        assertThat(refused).as("refused by the probe, before any decoder runs").isNotNull();
        assertThat(refused.failure()).isEqualTo(Failure.TOO_LARGE);
        assertThat(refused.getMessage()).contains(bomb.toString(), claimedSize, "maxSourcePixels");
        assertThat(millis).as("milliseconds to refuse").isLessThan(1000);
        assertThat(allocated).as("bytes allocated to refuse").isLessThan(MAX_ALLOCATION);
    }
}
