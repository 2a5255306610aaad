package org.imagefactory.core.internal.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoded pixels agree with {@code djpeg -scale 1/N} at every scale, for every way cjpeg can write a file, and
 * several scales decoded in one pass are exactly the scales decoded one at a time.
 */
class LibjpegAgreementTest {

    /**
     * The decoder follows libjpeg's integer arithmetic, so it must agree with djpeg to the last bit; one level is
     * allowed only so that a future libjpeg-turbo rounding change reads as a difference, not as a broken decoder.
     * (The issue asked for PSNR ≥ 40 dB, which allows an average error of 2.5 levels and would hide regressions.)
     */
    private static final int MAX_DIFFERENCE = 1;

    /** Successive approximation and spectral selection, DC interleaved, AC bands split unevenly per component. */
    private static final String COLOUR_SCRIPT = """
            0,1,2: 0-0, 0, 1 ;
            0: 1-5, 0, 2 ;
            2: 1-63, 0, 1 ;
            1: 1-63, 0, 1 ;
            0: 6-63, 0, 2 ;
            0: 1-63, 2, 1 ;
            0,1,2: 0-0, 1, 0 ;
            2: 1-63, 1, 0 ;
            1: 1-63, 1, 0 ;
            0: 1-63, 1, 0 ;
            """;

    /** Non-interleaved DC scans and single-coefficient bands. */
    private static final String SPLIT_SCRIPT = """
            0: 0-0, 0, 0 ;
            1: 0-0, 0, 0 ;
            2: 0-0, 0, 0 ;
            0: 1-1, 0, 0 ;
            0: 2-2, 0, 0 ;
            0: 3-63, 0, 0 ;
            1: 1-63, 0, 0 ;
            2: 1-63, 0, 0 ;
            """;

    /** A sequential (baseline) file with one scan per component. */
    private static final String SEQUENTIAL_SCRIPT = """
            0: 0-63, 0, 0 ;
            1: 0-63, 0, 0 ;
            2: 0-63, 0, 0 ;
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        Libjpeg.require();
    }

    private static final List<String> SAMPLINGS = List.of("1x1,1x1,1x1", "2x1,1x1,1x1", "2x2,1x1,1x1",
            "1x2,1x1,1x1", "4x1,1x1,1x1", "4x2,1x1,1x1", "3x1,1x1,1x1", "2x2,1x2,2x1", "1x1,2x2,1x1", "1x4,1x1,1x1");

    static Stream<String> samplings() {
        return SAMPLINGS.stream();
    }

    static Stream<Arguments> files() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (String sampling : SAMPLINGS) {
            cases.add(Arguments.of("sampling " + sampling, 203, 157, 3, new String[] {"-sample", sampling}));
            cases.add(Arguments.of("progressive " + sampling, 203, 157, 3,
                    new String[] {"-progressive", "-sample", sampling}));
        }
        cases.add(Arguments.of("restart every MCU row", 203, 157, 3,
                new String[] {"-sample", "2x2,1x1,1x1", "-restart", "1"}));
        cases.add(Arguments.of("restart every 3 MCUs", 203, 157, 3,
                new String[] {"-sample", "2x1,1x1,1x1", "-restart", "3B"}));
        cases.add(Arguments.of("progressive, restart every 2 MCUs", 203, 157, 3,
                new String[] {"-progressive", "-restart", "2B"}));
        cases.add(Arguments.of("custom successive-approximation scans", 203, 157, 3,
                concat(Libjpeg.scans(dir, COLOUR_SCRIPT), "-sample", "2x2,1x1,1x1")));
        cases.add(Arguments.of("custom spectral-selection scans", 203, 157, 3,
                concat(Libjpeg.scans(dir.resolve(".."), SPLIT_SCRIPT), "-sample", "1x1,1x1,1x1")));
        cases.add(Arguments.of("non-interleaved sequential scans", 203, 157, 3,
                concat(Libjpeg.scans(dir.resolve("../.."), SEQUENTIAL_SCRIPT), "-sample", "2x2,1x1,1x1")));
        cases.add(Arguments.of("optimized Huffman tables, quality 95", 203, 157, 3,
                new String[] {"-optimize", "-quality", "95"}));
        cases.add(Arguments.of("quality 100", 203, 157, 3, new String[] {"-quality", "100", "-sample", "1x1"}));
        cases.add(Arguments.of("quality 3", 203, 157, 3, new String[] {"-quality", "3"}));
        cases.add(Arguments.of("RGB, no colour transform", 203, 157, 3, new String[] {"-rgb"}));
        cases.add(Arguments.of("RGB progressive", 203, 157, 3, new String[] {"-rgb", "-progressive"}));
        cases.add(Arguments.of("grayscale", 203, 157, 1, new String[] {}));
        cases.add(Arguments.of("grayscale progressive", 203, 157, 1, new String[] {"-progressive"}));
        cases.add(Arguments.of("grayscale restart", 203, 157, 1, new String[] {"-restart", "5B"}));
        for (int[] size : new int[][] {{1, 1}, {7, 9}, {4097, 3}, {3, 4097}, {17, 16}}) {
            String name = size[0] + "x" + size[1];
            cases.add(Arguments.of(name + " 4:2:0", size[0], size[1], 3, new String[] {"-sample", "2x2,1x1,1x1"}));
            cases.add(Arguments.of(name + " 4:2:2 progressive", size[0], size[1], 3,
                    new String[] {"-progressive", "-sample", "2x1,1x1,1x1"}));
            cases.add(Arguments.of(name + " grayscale", size[0], size[1], 1, new String[] {}));
        }
        return cases.stream();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void agreesWithDjpegAtEveryScale(String name, int width, int height, int channels, String[] options)
            throws Exception {
        byte[] jpeg = Libjpeg.cjpeg(Raster.testCard(width, height, channels, name.hashCode()), options);
        assertAgreement(jpeg);
    }

    @ParameterizedTest(name = "jpegtran -progressive of {0}")
    @MethodSource("samplings")
    void agreesWithDjpegAfterProgressiveRepack(String sampling) throws Exception {
        byte[] jpeg = Libjpeg.cjpeg(Raster.testCard(203, 157, 3, 7), "-sample", sampling);
        assertAgreement(Libjpeg.jpegtran(jpeg, "-progressive"));
    }

    static void assertAgreement(byte[] jpeg) throws Exception {
        for (int scale : new int[] {1, 2, 4, 8}) {
            Raster expected = Libjpeg.djpeg(jpeg, scale);
            BufferedImage actual = JpegDecoder.decode(jpeg, jpeg.length, "test.jpg", scale, Long.MAX_VALUE,
                    JpegDecoder.DEFAULT_MAX_BYTES);
            assertThat(actual.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(expected.maxDifference(actual)).as("largest channel difference from djpeg -scale 1/%d", scale)
                    .isLessThanOrEqualTo(MAX_DIFFERENCE);
        }
        assertScalesDecodedTogetherEqualScalesDecodedAlone(jpeg);
    }

    /** One entropy-decoding pass for several scales gives each scale exactly the pixels of its own decode. */
    private static void assertScalesDecodedTogetherEqualScalesDecodedAlone(byte[] jpeg) throws Exception {
        for (int[] scales : new int[][] {{1, 2, 4, 8}, {8, 1}, {2, 8}, {4, 2}}) {
            BufferedImage[] together = JpegDecoder.decode(jpeg, jpeg.length, "test.jpg", scales, Long.MAX_VALUE,
                    JpegDecoder.DEFAULT_MAX_BYTES);
            assertThat(together).hasSameSizeAs(scales);
            for (int i = 0; i < scales.length; i++) {
                BufferedImage alone = JpegDecoder.decode(jpeg, jpeg.length, "test.jpg", scales[i], Long.MAX_VALUE,
                        JpegDecoder.DEFAULT_MAX_BYTES);
                assertThat(together[i].getWidth()).isEqualTo(alone.getWidth());
                assertThat(together[i].getHeight()).isEqualTo(alone.getHeight());
                assertThat(pixels(together[i])).as("pixels at 1/%d decoded with scales %s", scales[i],
                        Arrays.toString(scales)).isEqualTo(pixels(alone));
            }
        }
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
