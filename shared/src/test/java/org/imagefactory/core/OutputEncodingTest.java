package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagefactory.core.Fixtures.alpha;
import static org.imagefactory.core.Fixtures.assertColor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every output encoding, from opaque and from transparent truecolour sources, decodes back as expected. */
class OutputEncodingTest {

    private static final Color RED = new Color(200, 30, 30);
    private static final Color BLUE = new Color(30, 60, 200);
    private static final Color YELLOW = new Color(230, 210, 40);

    @TempDir
    Path dir;

    /** 300x200: red left half, blue right half, a yellow band across the bottom; many colours at the edges. */
    private Path opaqueSource() throws IOException {
        BufferedImage image = Fixtures.filled(300, 200, RED);
        Graphics2D g = image.createGraphics();
        g.setColor(BLUE);
        g.fillRect(150, 0, 150, 200);
        g.setColor(YELLOW);
        g.fillRect(0, 150, 300, 50);
        g.dispose();
        return Fixtures.write(image, "png", dir.resolve("opaque.png"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Encoding.class)
    void opaqueSourceInEveryEncoding(Encoding encoding) throws IOException {
        Fixtures.Output output = Fixtures.render(opaqueSource(), "scalex=120&encoding=" + encoding.argument());

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(120, 80));
        assertThat(output.rendition().spec().encoding()).isEqualTo(encoding);
        int tolerance = encoding.lossy() ? 12 : 4;
        assertColor(output.image(), 20, 20, RED, tolerance);
        assertColor(output.image(), 100, 20, BLUE, tolerance);
        assertColor(output.image(), 60, 72, YELLOW, tolerance);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Encoding.class)
    void transparentSourceInEveryEncoding(Encoding encoding) throws IOException {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, 150, 200);
        g.dispose();
        Path source = Fixtures.write(image, "png", dir.resolve("half-transparent.png"));

        Fixtures.Output output = Fixtures.render(source, "scalex=120&encoding=" + encoding.argument());

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(120, 80));
        int tolerance = encoding.lossy() ? 12 : 4;
        assertColor(output.image(), 20, 40, RED, tolerance);
        if (encoding.supportsAlpha()) {
            assertThat(alpha(output.image(), 20, 40)).isEqualTo(255);
            assertThat(alpha(output.image(), 100, 40)).as("transparent half stays transparent").isZero();
        } else {
            assertColor(output.image(), 100, 40, Color.WHITE, tolerance);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Encoding.class)
    void tinyAndThinSourcesInEveryEncoding(Encoding encoding) throws IOException {
        Path dot = Fixtures.write(Fixtures.filled(1, 1, RED), "png", dir.resolve("dot.png"));
        Path column = Fixtures.write(Fixtures.filled(1, 300, BLUE), "png", dir.resolve("column.png"));
        Path row = Fixtures.write(Fixtures.filled(300, 1, BLUE), "png", dir.resolve("row.png"));
        Path odd = Fixtures.write(Fixtures.filled(7, 9, RED), "png", dir.resolve("odd.png"));
        String as = "&encoding=" + encoding.argument();
        int tolerance = encoding.lossy() ? 16 : 4;

        Fixtures.Output one = Fixtures.render(dot, "scalex=400" + as);
        Fixtures.Output tall = Fixtures.render(column, "scalex=10&scaley=30" + as);
        Fixtures.Output wide = Fixtures.render(row, "scalex=30&scaley=10" + as);
        Fixtures.Output small = Fixtures.render(odd, "scalex=3&scaley=3" + as);

        assertThat(one.rendition().size()).isEqualTo(new VariantSpec.Size(1, 1));
        assertColor(one.image(), 0, 0, RED, tolerance);
        assertThat(tall.rendition().size()).isEqualTo(new VariantSpec.Size(1, 30));
        assertColor(tall.image(), 0, 15, BLUE, tolerance);
        assertThat(wide.rendition().size()).isEqualTo(new VariantSpec.Size(30, 1));
        assertColor(wide.image(), 15, 0, BLUE, tolerance);
        assertThat(small.rendition().size()).isEqualTo(new VariantSpec.Size(2, 3));
        assertColor(small.image(), 1, 1, RED, tolerance);
    }

    @Test
    void jpegQualityChangesTheBytes() throws IOException {
        Path source = opaqueSource();

        int low = Fixtures.render(source, "encoding=jpeg&quality=10").rendition().data().length;
        int high = Fixtures.render(source, "encoding=jpeg&quality=95").rendition().data().length;

        assertThat(low).isLessThan(high);
    }

    @Test
    void webpQualityChangesTheBytes() throws IOException {
        Path source = opaqueSource();

        int low = Fixtures.render(source, "encoding=webp&quality=10").rendition().data().length;
        int high = Fixtures.render(source, "encoding=webp&quality=95").rendition().data().length;

        assertThat(low).isLessThan(high);
    }

    @Test
    void jpegIsBaselineUnlessProgressiveIsConfigured() throws IOException {
        Path source = opaqueSource();

        byte[] baseline = Fixtures.render(source, "encoding=jpeg").rendition().data();
        byte[] progressive = Fixtures.render(new ResizePipeline(PipelineOptions.DEFAULTS.withProgressiveJpeg(true)),
                source, "encoding=jpeg").rendition().data();

        assertThat(hasMarker(baseline, 0xC0)).as("baseline SOF0").isTrue();
        assertThat(hasMarker(baseline, 0xC2)).as("progressive SOF2").isFalse();
        assertThat(hasMarker(progressive, 0xC2)).as("progressive SOF2").isTrue();
    }

    @Test
    void metadataIsStripped() throws IOException {
        byte[] tagged = Fixtures.withExifOrientation(Fixtures.jpeg(Fixtures.filled(40, 30, RED), 90), 1, true);
        Path source = java.nio.file.Files.write(dir.resolve("tagged.jpg"), tagged);

        byte[] out = Fixtures.render(source, "scalex=20").rendition().data();

        assertThat(hasMarker(out, 0xE1)).as("an APP1 (Exif) segment").isFalse();
    }

    private static boolean hasMarker(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int type = jpeg[i + 1] & 0xFF;
            if (type == marker) {
                return true;
            }
            if (type == 0xDA) {
                return false;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }
}
