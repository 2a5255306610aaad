package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imagefactory.core.Fixtures.assertColor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fit on a picture displayed 600 × 400, stored as a camera held in each of the eight EXIF orientations stores
 * it: the output size is exact and the picture upright, cropped, padded or stretched as asked.
 */
class FitTest {

    private static final Color RED = new Color(220, 30, 30);
    private static final Color BLUE = new Color(30, 30, 220);
    private static final Color GREY = new Color(128, 128, 128);

    @TempDir
    Path dir;

    static Stream<Arguments> sizes() {
        String[][] table = {
            // query, expected width, expected height
            {"scalex=300&scaley=300", "300", "200"},
            {"scalex=300&scaley=300&fit=inside", "300", "200"},
            {"scalex=300&scaley=300&fit=cover", "300", "300"},
            {"scalex=300&scaley=300&fit=contain", "300", "300"},
            {"scalex=300&scaley=300&fit=fill", "300", "300"},
            {"scalex=100&scaley=300&fit=cover", "100", "300"},
            {"scalex=500&scaley=50&fit=cover", "500", "50"},
            {"scalex=100&scaley=300&fit=contain", "100", "300"},
            {"scalex=100&scaley=300&fit=fill", "100", "300"},
            // One dimension: every fit is inside.
            {"scalex=300&fit=cover", "300", "200"},
            {"scaley=100&fit=contain", "150", "100"},
            {"scaley=100&fit=fill", "150", "100"},
            // A box larger than the source: never scaled up. cover keeps the box's aspect at source size,
            // contain pads the source to the box's aspect, fill and inside stop at the source.
            {"scalex=1000&scaley=1000&fit=cover", "400", "400"},
            {"scalex=1000&scaley=500&fit=cover", "600", "300"},
            {"scalex=1000&scaley=1000&fit=contain", "600", "600"},
            {"scalex=1000&scaley=1000&fit=fill", "600", "400"},
            {"scalex=1000&scaley=1000", "600", "400"},
            {"scalex=700&scaley=100&fit=fill", "600", "100"},
            // dpr multiplies the box before any of that.
            {"scalex=100&scaley=100&fit=cover&dpr=2", "200", "200"},
            {"scalex=100&dpr=1.5", "150", "100"},
            {"scalex=300&scaley=300&fit=cover&dpr=4", "400", "400"},
        };
        return Stream.of(table).flatMap(row -> IntStream.rangeClosed(1, 8)
                .mapToObj(o -> Arguments.of(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2]), o)));
    }

    @ParameterizedTest(name = "{0} -> {1}x{2}, orientation {3}")
    @MethodSource("sizes")
    void outputSizesAreExactForEveryFitAndOrientation(String query, int width, int height, int orientation)
            throws IOException {
        Path source = jpeg(halves(600, 400), orientation);

        Fixtures.Output output = Fixtures.render(source, query + "&encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(width, height));
        assertThat(output.image().getWidth()).isEqualTo(width);
        assertThat(output.image().getHeight()).isEqualTo(height);
    }

    /** North and south are the displayed top and bottom, whatever the stored orientation. */
    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void gravityIsAppliedToThePictureAsDisplayedAfterOrientation(int orientation) throws IOException {
        BufferedImage upright = bands(400, 600);
        Path source = jpeg(upright, orientation);

        BufferedImage north = Fixtures.render(source, "scalex=200&scaley=200&fit=cover&gravity=north&encoding=png")
                .image();
        BufferedImage south = Fixtures.render(source, "scalex=200&scaley=200&fit=cover&gravity=south&encoding=png")
                .image();
        BufferedImage center = Fixtures.render(source, "scalex=200&scaley=200&fit=cover&encoding=png").image();

        assertColor(north, 100, 20, RED, 40);
        assertColor(north, 100, 180, GREY, 40);
        assertColor(south, 100, 20, GREY, 40);
        assertColor(south, 100, 180, BLUE, 40);
        assertColor(center, 100, 5, GREY, 40);
        assertColor(center, 100, 195, GREY, 40);
    }

    @Test
    void aFocalPointCentresTheCropOnItAsFarAsThePictureAllows() throws IOException {
        Path source = jpeg(halves(600, 400), 1);

        BufferedImage left = Fixtures.render(source, "scalex=100&scaley=200&fit=cover&gravity=fp:0.25,0.5"
                + "&encoding=png").image();
        BufferedImage right = Fixtures.render(source, "scalex=100&scaley=200&fit=cover&gravity=fp:1,0"
                + "&encoding=png").image();

        assertColor(left, 5, 100, RED, 40);
        assertColor(left, 95, 100, RED, 40);
        assertColor(right, 5, 100, BLUE, 40);
        assertColor(right, 95, 100, BLUE, 40);
    }

    @Test
    void coverCropsTheOverflowAndKeepsTheMiddleByDefault() throws IOException {
        Path source = jpeg(halves(600, 400), 6);

        BufferedImage square = Fixtures.render(source, "scalex=200&scaley=200&fit=cover&encoding=png").image();

        // The middle 400 × 400 of the picture, unstretched: its left half red, its right half blue.
        assertColor(square, 10, 100, RED, 40);
        assertColor(square, 90, 100, RED, 40);
        assertColor(square, 110, 100, BLUE, 40);
        assertColor(square, 190, 100, BLUE, 40);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 6})
    void containPadsWithTheBackgroundColourAroundTheWholePicture(int orientation) throws IOException {
        Path source = jpeg(halves(600, 400), orientation);
        Color background = new Color(0x20, 0xC0, 0x40);
        ResizePipeline pipeline = new ResizePipeline(PipelineOptions.DEFAULTS.withBackground(background));

        for (String encoding : new String[] {"png", "jpeg", "webp"}) {
            BufferedImage padded = Fixtures.render(pipeline, source,
                    "scalex=300&scaley=300&fit=contain&quality=95&encoding=" + encoding).image();

            assertThat(padded.getWidth()).isEqualTo(300);
            assertThat(padded.getHeight()).isEqualTo(300);
            // 300 × 200 of picture in the middle, 50 rows of background above and below.
            assertColor(padded, 150, 20, background, 12);
            assertColor(padded, 150, 280, background, 12);
            assertColor(padded, 70, 150, RED, 40);
            assertColor(padded, 230, 150, BLUE, 40);
            assertThat(Fixtures.alpha(padded, 150, 20)).isEqualTo(255);
        }
    }

    @Test
    void containPadsAPictureWithTransparencyTransparentlyWhereTheEncodingKeepsIt() throws IOException {
        BufferedImage badge = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = badge.createGraphics();
        g.setColor(RED);
        g.fillOval(0, 0, 400, 200);
        g.dispose();
        Path source = Fixtures.write(badge, "png", dir.resolve("badge.png"));
        Color background = new Color(0x20, 0xC0, 0x40);
        ResizePipeline pipeline = new ResizePipeline(PipelineOptions.DEFAULTS.withBackground(background));

        BufferedImage png = Fixtures.render(pipeline, source, "scalex=200&scaley=200&fit=contain").image();
        BufferedImage jpeg = Fixtures.render(pipeline, source, "scalex=200&scaley=200&fit=contain&encoding=jpeg"
                + "&quality=95").image();

        assertThat(Fixtures.alpha(png, 100, 10)).as("padding of a PNG with alpha").isZero();
        assertThat(Fixtures.alpha(png, 100, 100)).isEqualTo(255);
        assertColor(jpeg, 100, 10, background, 12);
        assertColor(jpeg, 2, 55, background, 12);
        assertColor(jpeg, 100, 100, RED, 40);
    }

    @Test
    void aContainBoxPaddedPastTheSourcePixelLimitIsRefusedBeforeAnyWork() throws IOException {
        Path source = jpeg(halves(600, 400), 1);
        ResizePipeline pipeline = new ResizePipeline(PipelineOptions.DEFAULTS.withMaxSourcePixels(1_000_000));
        SourceInfo info = pipeline.probe(source);

        assertThatThrownBy(() -> pipeline.normalize(VariantRequest.fromQueryString(
                "scalex=2000000000&scaley=400&fit=contain&encoding=png"), info))
                .isInstanceOf(ImageFactoryException.class)
                .hasMessageContaining("fit=contain").hasMessageContaining("maxSourcePixels");
        assertThat(pipeline.normalize(VariantRequest.fromQueryString("scalex=2000&scaley=400&fit=contain"), info)
                .width()).as("padded to 800 000 pixels, under the limit").isEqualTo(2000);
    }

    @Test
    void fillStretchesEachAxisWithoutCropping() throws IOException {
        Path source = jpeg(halves(600, 400), 8);

        BufferedImage tall = Fixtures.render(source, "scalex=100&scaley=300&fit=fill&encoding=png").image();

        assertColor(tall, 25, 150, RED, 40);
        assertColor(tall, 75, 150, BLUE, 40);
        assertColor(tall, 25, 5, RED, 40);
        assertColor(tall, 75, 295, BLUE, 40);
    }

    @Test
    void aPngAndAGifAreCroppedLikeAJpeg() throws IOException {
        for (String format : new String[] {"png", "gif", "bmp"}) {
            Path source = Fixtures.write(halves(600, 400), format, dir.resolve("halves." + format));

            BufferedImage square = Fixtures.render(source, "scalex=200&scaley=200&fit=cover&gravity=west"
                    + "&encoding=png").image();

            assertThat(square.getWidth()).isEqualTo(200);
            assertColor(square, 10, 100, RED, 40);
            assertColor(square, 140, 100, RED, 40);
            assertColor(square, 160, 100, BLUE, 40);
        }
    }

    /** Left half red, right half blue. */
    static BufferedImage halves(int width, int height) {
        BufferedImage image = Fixtures.filled(width, height, RED);
        Graphics2D g = image.createGraphics();
        g.setColor(BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** Red top sixth, blue bottom sixth, grey between. */
    private static BufferedImage bands(int width, int height) {
        BufferedImage image = Fixtures.filled(width, height, GREY);
        Graphics2D g = image.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, width, height / 6);
        g.setColor(BLUE);
        g.fillRect(0, height - height / 6, width, height / 6);
        g.dispose();
        return image;
    }

    private Path jpeg(BufferedImage upright, int orientation) throws IOException {
        Path source = dir.resolve("o" + orientation + "-" + upright.getWidth() + ".jpg");
        Files.write(source, Fixtures.withExifOrientation(
                Fixtures.jpeg(ExifOrientationTest.stored(upright, orientation), 95), orientation, true));
        return source;
    }
}
