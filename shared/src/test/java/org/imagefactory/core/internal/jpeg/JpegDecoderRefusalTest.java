package org.imagefactory.core.internal.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Damaged files end in a typed error naming the file, quickly; unusual kinds of JPEG go back to ImageIO. */
class JpegDecoderRefusalTest {

    private static byte[] baseline;
    private static byte[] progressive;

    @BeforeAll
    static void files() {
        Libjpeg.require();
        Raster card = Raster.testCard(61, 45, 3, 1);
        baseline = Libjpeg.cjpeg(card, "-sample", "2x2,1x1,1x1", "-restart", "2B");
        progressive = Libjpeg.cjpeg(card, "-progressive");
    }

    @Test
    void everyTruncationIsRefusedAsCorrupt() {
        for (byte[] file : new byte[][] {baseline, progressive}) {
            for (int length = 0; length < file.length; length++) {
                Outcome outcome = Outcome.of(file, length, 1 << (length % 4), 1 << 20);
                assertThat(outcome.error()).as("cut at %d of %d: %s", length, file.length, outcome).isNotNull();
                assertThat(outcome.error().failure()).as("cut at %d", length).isEqualTo(Failure.CORRUPT_IMAGE);
                assertThat(outcome.error().getMessage()).startsWith("mutant.jpg: ");
                assertThat(outcome.error().getCause()).as("cut at %d: %s", length, outcome).isNull();
            }
        }
    }

    @Test
    void aHuffmanTableWithTooManyCodesIsCorrupt() {
        byte[] file = baseline.clone();
        int dht = find(file, 0xC4);
        file[dht + 5] = 3;
        assertCorrupt(file, "Huffman table");
    }

    @Test
    void aSegmentLongerThanTheFileIsCorrupt() {
        byte[] file = baseline.clone();
        int dqt = find(file, 0xDB);
        file[dqt + 2] = (byte) 0xFF;
        assertCorrupt(file, "truncated");
    }

    @Test
    void aMissingRestartMarkerIsCorrupt() {
        byte[] file = baseline.clone();
        int rst = find(file, 0xD1);
        file[rst + 1] = (byte) 0xD5;
        assertCorrupt(file, "RST1");
    }

    @Test
    void endlessRestartMarkersAreRefusedQuickly() {
        int sos = find(baseline, 0xDA);
        int dataStart = sos + 2 + ((baseline[sos + 2] & 0xFF) << 8 | (baseline[sos + 3] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(baseline, 0, dataStart);
        for (int i = 0; i < 2_000_000; i++) {
            out.write(0xFF);
            out.write(0xD0 + (i & 7));
        }
        byte[] file = out.toByteArray();
        long start = System.nanoTime();
        assertCorrupt(file, "");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
    }

    @Test
    void hugeDimensionsAreRefusedFromTheFrameHeader() {
        byte[] file = baseline.clone();
        int sof = find(file, 0xC0);
        file[sof + 5] = (byte) 0xFF;
        file[sof + 6] = (byte) 0xFF;
        file[sof + 7] = (byte) 0xFF;
        file[sof + 8] = (byte) 0xFF;
        long start = System.nanoTime();
        assertThatThrownBy(() -> JpegDecoder.decode(file, file.length, "huge.jpg", 1, 50_000_000L,
                JpegDecoder.DEFAULT_MAX_BYTES))
                .isInstanceOfSatisfying(ImageFactoryException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.TOO_LARGE))
                .hasMessageContaining("huge.jpg").hasMessageContaining("65535x65535");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(0.1);
    }

    @Test
    void coefficientMemoryIsBoundedBeforeAllocation() {
        assertThatThrownBy(() -> JpegDecoder.decode(progressive, progressive.length, "big.jpg", 1, 1 << 20, 4096))
                .isInstanceOfSatisfying(ImageFactoryException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.TOO_LARGE))
                .hasMessageContaining("big.jpg").hasMessageContaining("MiB");
    }

    @Test
    void memoryBoundCountsEveryScaleOfAMultiScaleDecode() throws Exception {
        // 64×64 grey: 4 bytes of output and 1 of samples per pixel, 20480 bytes at 1/1, 5120 more at 1/2.
        byte[] file = Libjpeg.cjpeg(Raster.testCard(64, 64, 1, 3));
        long fullSizeOnly = 20480;
        assertThat(JpegDecoder.decode(file, file.length, "grey.jpg", 1, 1 << 20, fullSizeOnly).getWidth())
                .isEqualTo(64);
        assertThatThrownBy(() -> JpegDecoder.decode(file, file.length, "grey.jpg", new int[] {1, 2}, 1 << 20,
                fullSizeOnly))
                .isInstanceOfSatisfying(ImageFactoryException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.TOO_LARGE))
                .hasMessageContaining("grey.jpg").hasMessageContaining("1/1 and 1/2");
    }

    @Test
    void arithmeticCodingIsLeftToImageIo() {
        byte[] file = Libjpeg.cjpeg(Raster.testCard(16, 16, 3, 2), "-arithmetic");
        assertUnsupported(file, "arithmetic");
    }

    @Test
    void cmykTwelveBitAndLosslessAreLeftToImageIo() {
        byte[] cmyk = baseline.clone();
        cmyk[find(cmyk, 0xC0) + 9] = 4;
        assertUnsupported(cmyk, "4 colour components");
        byte[] twelveBit = baseline.clone();
        twelveBit[find(twelveBit, 0xC0) + 4] = 12;
        assertUnsupported(twelveBit, "12-bit");
        byte[] lossless = baseline.clone();
        lossless[find(lossless, 0xC0) + 1] = (byte) 0xC3;
        assertUnsupported(lossless, "lossless");
    }

    @Test
    void notAJpegIsCorrupt() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        assertCorrupt(png, "start-of-image");
    }

    private static void assertCorrupt(byte[] file, String reason) {
        Outcome outcome = Outcome.of(file, file.length, 1, 1 << 20);
        assertThat(outcome.error()).as("%s", outcome).isNotNull();
        assertThat(outcome.error().failure()).isEqualTo(Failure.CORRUPT_IMAGE);
        assertThat(outcome.error().getMessage()).startsWith("mutant.jpg: ").contains(reason);
        assertThat(outcome.error().getCause()).isNull();
    }

    private static void assertUnsupported(byte[] file, String reason) {
        Outcome outcome = Outcome.of(file, file.length, 2, 1 << 20);
        assertThat(outcome.unsupported()).as("%s", outcome).isNotNull();
        assertThat(outcome.unsupported().getMessage()).contains(reason);
    }

    /** Offset of the first 0xFF {@code marker} pair. */
    static int find(byte[] file, int marker) {
        for (int i = 0; i + 1 < file.length; i++) {
            if (file[i] == (byte) 0xFF && file[i + 1] == (byte) marker) {
                return i;
            }
        }
        throw new AssertionError("no marker 0x" + Integer.toHexString(marker) + " in " + Arrays.toString(
                Arrays.copyOf(file, 16)));
    }
}
