package org.imagefactory.core.internal.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.imagefactory.core.Fixtures;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.internal.ImageProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JPEGs with bytes outside every segment (libjpeg: "Corrupt JPEG data: N extraneous bytes before marker"), as
 * some Photoshop versions and EXIF editors write them, decode to the clean file's pixels, as in libjpeg and
 * browsers: in the probe, in our decoder, in ImageIO for the CMYK files our decoder leaves to it, and through
 * the whole pipeline.
 */
class ExtraneousBytesTest {

    private static final byte[] JUNK = "\0\021Photoshop\0".getBytes(StandardCharsets.ISO_8859_1);
    /** Junk with a stuffed 0xFF: libjpeg reads 0xFF 0x00 outside a scan as two more extraneous bytes. */
    private static final byte[] STUFFED_JUNK = {0x41, (byte) 0xFF, 0x00, 0x42};
    /** Any number of 0xFF before a marker is fill, legal in T.81. */
    private static final byte[] FILL = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    @TempDir
    static Path dir;

    private static Map<String, byte[]> sources;

    @BeforeAll
    static void sources() {
        Libjpeg.require();
        Raster card = Raster.testCard(203, 157, 3, 12);
        sources = Map.of(
                "baseline YCbCr", withAppSegments(Libjpeg.cjpeg(card, "-sample", "2x2,1x1,1x1")),
                "progressive YCbCr", withAppSegments(Libjpeg.cjpeg(card, "-progressive")),
                "baseline CMYK", withAppSegments(CmykJpeg.baseline(96, 64)),
                "progressive CMYK", withAppSegments(CmykJpeg.progressive(96, 64)));
    }

    /** An XMP APP1 and a Photoshop APP13 after the SOI, so that there is a place between two APPn segments. */
    private static byte[] withAppSegments(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>"));
        out.writeBytes(segment(0xED, "Photoshop 3.0\0"));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] segment(int marker, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write((bytes.length + 2) >> 8);
        out.write(bytes.length + 2);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    static Stream<Arguments> damages() {
        Map<String, Function<JpegSegments, List<Integer>>> places = Map.of(
                "after the SOI", s -> List.of(2),
                "between APPn segments", s -> s.before(0xED),
                "before DQT", s -> s.before(0xDB),
                "before DHT", s -> s.before(0xC4),
                "before SOF", s -> concat(s.before(0xC0), s.before(0xC2)),
                "before SOS", s -> s.before(0xDA),
                "before EOI", s -> s.before(0xD9),
                "after each scan's data (before the next DHT or SOS)", JpegSegments::afterEachScan);
        List<Arguments> cases = new ArrayList<>();
        for (String source : List.of("baseline YCbCr", "progressive YCbCr", "baseline CMYK", "progressive CMYK")) {
            places.forEach((place, where) -> cases.add(Arguments.of(source, "junk " + place, where, JUNK)));
            cases.add(Arguments.of(source, "stuffed 0xFF in junk before DQT",
                    (Function<JpegSegments, List<Integer>>) s -> s.before(0xDB), STUFFED_JUNK));
            cases.add(Arguments.of(source, "0xFF fill before DQT, DHT and SOS",
                    (Function<JpegSegments, List<Integer>>) s -> concat(s.before(0xDB), s.before(0xC4),
                            s.before(0xDA)), FILL));
        }
        return cases.stream();
    }

    @SafeVarargs
    private static List<Integer> concat(List<Integer>... lists) {
        List<Integer> all = new ArrayList<>();
        for (List<Integer> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("damages")
    void decodesToTheCleanFilesPixels(String source, String damage, Function<JpegSegments, List<Integer>> where,
            byte[] bytes) throws Exception {
        byte[] clean = sources.get(source);
        List<Integer> offsets = where.apply(JpegSegments.of(clean));
        assertThat(offsets).as("places to damage").isNotEmpty();
        byte[] damaged = JpegSegments.of(clean).insert(offsets, bytes);
        assertThat(Libjpeg.djpegDespiteWarnings(damaged, 1).samples()).as("djpeg reads only extraneous bytes")
                .isEqualTo(Libjpeg.djpeg(clean, 1).samples());
        String name = (source + " " + damage).replaceAll("[^A-Za-z0-9]+", "-");
        Path cleanFile = Files.write(dir.resolve(name + "-clean.jpg"), clean);
        Path damagedFile = Files.write(dir.resolve(name + ".jpg"), damaged);

        assertThat(ImageProbe.probe(damagedFile)).isEqualTo(ImageProbe.probe(cleanFile));
        if (source.contains("YCbCr")) {
            for (int scale : new int[] {1, 8}) {
                BufferedImage ours = decode(damaged, scale);
                assertThat(pixels(ours)).as("pixels at 1/%d", scale).isEqualTo(pixels(decode(clean, scale)));
                assertThat(Libjpeg.djpegDespiteWarnings(damaged, scale).maxDifference(ours)).isLessThanOrEqualTo(1);
            }
        }
        for (String query : List.of("scalex=60&encoding=png", "scalex=150&encoding=png")) {
            assertThat(Fixtures.render(damagedFile, query).rendition().data()).as("%s through the pipeline", query)
                    .isEqualTo(Fixtures.render(cleanFile, query).rendition().data());
        }
    }

    @Test
    void junkWithoutAFrameHeaderIsStillRefused() throws Exception {
        Path file = Files.write(dir.resolve("only-junk.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4});
        assertThatThrownBy(() -> ImageProbe.probe(file)).isInstanceOfSatisfying(ImageFactoryException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.CORRUPT_IMAGE));
    }

    /** Junk is skipped only outside the image data: cut entropy-coded data is still refused, whoever decodes it. */
    @Test
    void truncatedImageDataAfterJunkIsStillRefused() throws Exception {
        for (String source : List.of("baseline YCbCr", "baseline CMYK")) {
            byte[] clean = sources.get(source);
            int[] scan = JpegSegments.of(clean).segments().stream().filter(s -> s[0] == 0xDA).findFirst().orElseThrow();
            byte[] cut = Arrays.copyOf(clean, (scan[1] + scan[2]) / 2 + 2);
            cut[cut.length - 2] = (byte) 0xFF;
            cut[cut.length - 1] = (byte) 0xD9;
            ByteArrayOutputStream cutWithJunk = new ByteArrayOutputStream();
            cutWithJunk.write(cut, 0, 2);
            cutWithJunk.writeBytes(JUNK);
            cutWithJunk.write(cut, 2, cut.length - 2);
            Path file = Files.write(dir.resolve(source.replace(' ', '-') + "-cut.jpg"), cutWithJunk.toByteArray());
            assertThatThrownBy(() -> Fixtures.render(file, "scalex=60&encoding=png")).as(source)
                    .isInstanceOfSatisfying(ImageFactoryException.class,
                            e -> assertThat(e.failure()).isEqualTo(Failure.CORRUPT_IMAGE));
        }
    }

    private static BufferedImage decode(byte[] jpeg, int scale) throws UnsupportedJpegException {
        return JpegDecoder.decode(jpeg, jpeg.length, "junk.jpg", scale, Long.MAX_VALUE, JpegDecoder.DEFAULT_MAX_BYTES);
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
