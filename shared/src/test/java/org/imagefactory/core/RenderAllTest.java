package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build plugin renders a source's variants together, the filter one at a time: the files must be the same. */
class RenderAllTest {

    /** Widths whose JPEG decodes are at 1/8, 1/4, 1/2 and 1/1 of a 2000 px source, one of them as WebP. */
    private static final List<String> SPANNING_EVERY_SCALE = List.of("scalex=100", "scalex=240&encoding=webp",
            "scalex=400", "scalex=480", "scalex=900");

    @TempDir
    Path folder;

    @Test
    void variantsRenderedTogetherAreByteForByteTheVariantsRenderedAlone() throws Exception {
        Path source = Files.write(folder.resolve("texture.jpg"), Fixtures.jpeg(texture(1200, 800), 92));
        assertTogetherEqualsAlone(source,
                List.of("scalex=100", "scalex=320&encoding=webp", "scalex=640", "scalex=1200"));
    }

    @ParameterizedTest(name = "progressive: {0}")
    @ValueSource(booleans = {false, true})
    void jpegDecodedOnceForEveryScaleGivesTheBytesOfEachScaleDecodedAlone(boolean progressive) throws Exception {
        Path source = Files.write(folder.resolve("texture.jpg"), jpeg(texture(2000, 1400), progressive));
        assertTogetherEqualsAlone(source, SPANNING_EVERY_SCALE);
    }

    @Test
    void pngVariantsRenderedTogetherAreByteForByteTheVariantsRenderedAlone() throws Exception {
        Path source = Fixtures.write(texture(900, 600), "png", folder.resolve("texture.png"));
        assertTogetherEqualsAlone(source, List.of("scalex=100", "scalex=150", "scalex=400"));
    }

    private static void assertTogetherEqualsAlone(Path source, List<String> queries) throws IOException {
        ResizePipeline pipeline = new ResizePipeline();
        SourceInfo info = pipeline.probe(source);
        List<VariantSpec> specs = queries.stream()
                .map(query -> pipeline.normalize(VariantRequest.fromQueryString(query), info)).toList();

        List<Rendition> together = pipeline.renderAll(source, info, specs);

        assertThat(together).hasSize(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            Rendition alone = pipeline.render(source, info, specs.get(i));
            assertThat(together.get(i).spec()).isEqualTo(specs.get(i));
            assertThat(together.get(i).size()).isEqualTo(alone.size());
            assertThat(together.get(i).data()).as("bytes of %s", specs.get(i)).isEqualTo(alone.data());
        }
    }

    private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        assertThat(hasMarker(bytes.toByteArray(), progressive ? 0xC2 : 0xC0)).as("frame type").isTrue();
        return bytes.toByteArray();
    }

    private static boolean hasMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return true;
            }
        }
        return false;
    }

    /** Fine random detail, where decoding at different resolutions gives visibly different pixels. */
    private static BufferedImage texture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
