package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build plugin renders a source's variants together, the filter one at a time: the files must be the same. */
class RenderAllTest {

    @TempDir
    Path folder;

    @Test
    void variantsRenderedTogetherAreByteForByteTheVariantsRenderedAlone() throws Exception {
        Path source = Files.write(folder.resolve("texture.jpg"), Fixtures.jpeg(texture(1200, 800), 92));
        ResizePipeline pipeline = new ResizePipeline();
        SourceInfo info = pipeline.probe(source);
        List<VariantSpec> specs = List.of("scalex=100", "scalex=320&encoding=webp", "scalex=640", "scalex=1200")
                .stream().map(query -> pipeline.normalize(VariantRequest.fromQueryString(query), info)).toList();

        List<Rendition> together = pipeline.renderAll(source, info, specs);

        assertThat(together).hasSize(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            Rendition alone = pipeline.render(source, info, specs.get(i));
            assertThat(together.get(i).spec()).isEqualTo(specs.get(i));
            assertThat(together.get(i).data()).as("bytes of %s", specs.get(i)).isEqualTo(alone.data());
        }
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
