package org.imagefactory.core.internal.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.imagefactory.core.Rendition;
import org.imagefactory.core.ResizePipeline;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.VariantRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipeline's JPEG path: shrink-on-load then resample gives the requested size and the source's colours. */
class PipelineJpegTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        Libjpeg.require();
    }

    @ParameterizedTest(name = "{0} px wide from a progressive 2000x1500")
    @ValueSource(ints = {1500, 700, 300, 90})
    void resizesProgressiveJpegKeepingColours(int width) throws Exception {
        int w = 2000;
        int h = 1500;
        byte[] samples = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                boolean left = x < w / 2;
                samples[i] = (byte) (left ? 200 : 20);
                samples[i + 1] = (byte) (left ? 30 : 90);
                samples[i + 2] = (byte) (left ? 40 : 220);
            }
        }
        Path source = dir.resolve("photo-" + width + ".jpg");
        Files.write(source, Libjpeg.cjpeg(new Raster(w, h, 3, samples), "-progressive", "-quality", "95"));
        ResizePipeline pipeline = new ResizePipeline();
        SourceInfo info = pipeline.probe(source);
        Rendition rendition = pipeline.render(source, info,
                pipeline.normalize(VariantRequest.of(String.valueOf(width), null, "png", null), info));
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(rendition.data()));
        assertThat(out.getWidth()).isEqualTo(width);
        assertThat(out.getHeight()).isEqualTo((int) Math.round(width * 0.75));
        assertColour(out.getRGB(width / 4, out.getHeight() / 2), 200, 30, 40);
        assertColour(out.getRGB(width * 3 / 4, out.getHeight() / 2), 20, 90, 220);
    }

    private static void assertColour(int rgb, int r, int g, int b) {
        assertThat((rgb >> 16) & 0xFF).isBetween(r - 4, r + 4);
        assertThat((rgb >> 8) & 0xFF).isBetween(g - 4, g + 4);
        assertThat(rgb & 0xFF).isBetween(b - 4, b + 4);
    }
}
