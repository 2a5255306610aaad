package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineTest {

    @TempDir
    Path temp;

    private final ResizePipeline pipeline = new ResizePipeline();

    /** A 49 MP GIF, left to ImageIO: over a second to decode, a deadline of 50 ms stops it within moments. */
    @Test
    void anImageIoDecodePastItsDeadlineIsAbandonedWithinMoments() throws IOException {
        Path gif = temp.resolve("slow.gif");
        write(new BufferedImage(7000, 7000, BufferedImage.TYPE_BYTE_INDEXED), "gif", false, gif);
        SourceInfo info = pipeline.probe(gif);
        VariantSpec spec = pipeline.normalize(VariantRequest.of("200", null, null, null), info);

        long start = System.nanoTime();
        assertThatThrownBy(() -> pipeline.render(gif, info, spec, Deadline.after(Duration.ofMillis(50))))
                .isInstanceOfSatisfying(ImageFactoryException.class, e -> assertThat(e.failure())
                        .isEqualTo(ImageFactoryException.Failure.TOO_SLOW))
                .hasMessageContaining(gif.toString()).hasMessageContaining("50 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    /**
     * A CMYK progressive JPEG in 100 scans, decoded by the JDK's native decoder under TwelveMonkeys' reader: over a
     * second of work, which a deadline of 50 ms stops through the reads the native decoder makes as it goes.
     */
    @Test
    void aSlowCmykJpegLeftToImageIoIsAbandonedWithinMoments() throws IOException {
        Path jpeg = Fixtures.resource("slow-cmyk.jpg");
        SourceInfo info = pipeline.probe(jpeg);
        VariantSpec spec = pipeline.normalize(VariantRequest.of("200", null, null, null), info);

        long start = System.nanoTime();
        assertThatThrownBy(() -> pipeline.render(jpeg, info, spec, Deadline.after(Duration.ofMillis(50))))
                .isInstanceOfSatisfying(ImageFactoryException.class, e -> assertThat(e.failure())
                        .isEqualTo(ImageFactoryException.Failure.TOO_SLOW));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    /** Our own decoders check the deadline as they go, not only between stages. */
    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "interlaced png"})
    void everyDecoderStopsAtTheDeadline(String format) throws IOException {
        Path file = temp.resolve("big." + format.replace(' ', '.'));
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(0, 0, 1200, 900);
        g.dispose();
        write(image, format.endsWith("png") ? "png" : "jpeg", format.startsWith("interlaced"), file);
        SourceInfo info = pipeline.probe(file);
        VariantSpec spec = pipeline.normalize(VariantRequest.of("300", null, null, null), info);

        assertThatThrownBy(() -> pipeline.render(file, info, spec, Deadline.after(Duration.ofNanos(1))))
                .isInstanceOfSatisfying(ImageFactoryException.class, e -> assertThat(e.failure())
                        .isEqualTo(ImageFactoryException.Failure.TOO_SLOW));
        assertThat(pipeline.render(file, info, spec, Deadline.after(Duration.ofMinutes(5))).size().width())
                .as("the same render with time to spare").isEqualTo(300);
    }

    @Test
    void noDeadlineNeverExpires() {
        assertThat(Deadline.NONE.isExpired()).isFalse();
        assertThat(Deadline.after(Duration.ZERO).isExpired()).isTrue();
    }

    private static void write(BufferedImage image, String format, boolean progressive, Path file)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
