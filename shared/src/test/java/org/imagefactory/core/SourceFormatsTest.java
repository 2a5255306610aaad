package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagefactory.core.Fixtures.alpha;
import static org.imagefactory.core.Fixtures.assertColor;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of source the core promises to read, as real encoders write them (see
 * {@code src/test/resources/fixtures/README.md}): each is 64x32 with a left and a right half of known colour,
 * and must come out at the expected size with those colours in sRGB.
 */
class SourceFormatsTest {

    static final Color RED = new Color(200, 30, 30);
    static final Color BLUE = new Color(30, 60, 200);
    static final Color DARK_GREY = new Color(50, 50, 50);
    static final Color LIGHT_GREY = new Color(200, 200, 200);
    static final Color TRANSPARENT = null;

    @TempDir
    Path dir;

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("progressive.jpg", Encoding.JPEG, RED, BLUE, 12),
                Arguments.of("ycck.jpg", Encoding.JPEG, RED, BLUE, 12),
                Arguments.of("gray.jpg", Encoding.JPEG, DARK_GREY, LIGHT_GREY, 6),
                Arguments.of("linear-icc.jpg", Encoding.JPEG, new Color(188, 188, 188), new Color(188, 188, 188), 4),
                Arguments.of("linear-icc.png", Encoding.PNG, new Color(188, 188, 188), new Color(188, 188, 188), 3),
                Arguments.of("rgb16.png", Encoding.PNG, RED, BLUE, 2),
                Arguments.of("rgba16.png", Encoding.PNG, RED, TRANSPARENT, 2),
                Arguments.of("gray16.png", Encoding.PNG, DARK_GREY, LIGHT_GREY, 2),
                Arguments.of("gray-alpha.png", Encoding.PNG, DARK_GREY, TRANSPARENT, 2),
                Arguments.of("palette-trns.png", Encoding.PNG, RED, TRANSPARENT, 2),
                Arguments.of("interlaced.png", Encoding.PNG, RED, BLUE, 2),
                Arguments.of("animated.gif", Encoding.GIF, RED, BLUE, 2),
                Arguments.of("transparent.gif", Encoding.GIF, RED, TRANSPARENT, 2),
                Arguments.of("rgb24.bmp", Encoding.BMP, RED, BLUE, 2),
                Arguments.of("alpha.bmp", Encoding.BMP, RED, TRANSPARENT, 2),
                Arguments.of("lossy.webp", Encoding.WEBP, RED, BLUE, 12),
                Arguments.of("lossy-alpha.webp", Encoding.WEBP, RED, TRANSPARENT, 12),
                Arguments.of("lossless-alpha.webp", Encoding.WEBP, RED, TRANSPARENT, 2),
                Arguments.of("animated.webp", Encoding.WEBP, RED, BLUE, 2));
    }

    @ParameterizedTest(name = "{0} at full size")
    @MethodSource("fixtures")
    void readsAtFullSize(String name, Encoding format, Color left, Color right, int tolerance) throws IOException {
        Path source = Fixtures.resource(name);
        SourceInfo info = new ResizePipeline().probe(source);
        assertThat(info.format()).isEqualTo(format);
        assertThat(info.width()).isEqualTo(64);
        assertThat(info.height()).isEqualTo(32);

        Fixtures.Output output = Fixtures.render(source, "encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(64, 32));
        assertHalves(output.image(), left, right, tolerance);
    }

    @ParameterizedTest(name = "{0} halved")
    @MethodSource("fixtures")
    void readsResized(String name, Encoding format, Color left, Color right, int tolerance) throws IOException {
        Fixtures.Output output = Fixtures.render(Fixtures.resource(name), "scalex=32&encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(32, 16));
        assertHalves(output.image(), left, right, tolerance);
    }

    @ParameterizedTest(name = "{0} in its own format")
    @MethodSource("fixtures")
    void defaultEncodingIsTheSourceFormat(String name, Encoding format, Color left, Color right, int tolerance)
            throws IOException {
        Fixtures.Output output = Fixtures.render(Fixtures.resource(name), "scalex=32");

        assertThat(output.rendition().spec().encoding()).isEqualTo(format);
        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(32, 16));
        assertColor(output.image(), 6, 8, left, tolerance + 12);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"animated.gif", "animated.webp"})
    void animationGivesItsFirstFrameAndCountsFrames(String name) throws IOException {
        Path source = Fixtures.resource(name);

        assertThat(new ResizePipeline().probe(source).frames()).isEqualTo(2);
        Fixtures.Output output = Fixtures.render(source, "encoding=png");

        assertColor(output.image(), 60, 16, BLUE, 2);
    }

    /** Photoshop's way: four inverted components, an Adobe APP14 marker with transform 0 (no YCC). */
    @Test
    void adobeCmykJpegIsConvertedToSrgb() throws IOException {
        WritableRaster inks = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 32, 4, null);
        int[] redInk = {0, 217, 217, 55};
        int[] blueInk = {217, 179, 0, 55};
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int[] ink = x < 32 ? redInk : blueInk;
                for (int band = 0; band < 4; band++) {
                    inks.setSample(x, y, band, 255 - ink[band]);
                }
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(inks, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        Path source = Files.write(dir.resolve("cmyk.jpg"), Fixtures.splice(jpeg.toByteArray(), 2, adobe));

        Fixtures.Output output = Fixtures.render(source, "scalex=32&encoding=png");

        assertHalves(output.image(), RED, BLUE, 12);
    }

    private static void assertHalves(BufferedImage image, Color left, Color right, int tolerance) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertColor(image, w / 8, h / 2, left, tolerance);
        assertThat(alpha(image, w / 8, h / 2)).as("alpha of the left half").isEqualTo(255);
        if (right == TRANSPARENT) {
            assertThat(alpha(image, w * 7 / 8, h / 2)).as("alpha of the right half").isZero();
        } else {
            assertColor(image, w * 7 / 8, h / 2, right, tolerance);
            assertThat(alpha(image, w * 7 / 8, h / 2)).as("alpha of the right half").isEqualTo(255);
        }
    }
}
