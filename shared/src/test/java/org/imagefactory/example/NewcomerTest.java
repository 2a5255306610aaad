package org.imagefactory.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import javax.imageio.ImageIO;

import org.imagefactory.core.ImageFactory;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.Variant;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.store.DirectorySourceStore;
import org.imagefactory.core.store.DirectoryVariantStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer writes with the documented API alone: a folder of pictures in, a folder of variants out. */
class NewcomerTest {

    @TempDir
    Path temp;

    @Test
    void theSecondCallFindsTheSameFileWithoutRenderingAgain() throws Exception {
        Path pictures = Files.createDirectories(temp.resolve("pictures/photos"));
        ImageIO.write(picture(1200, 800), "jpeg", pictures.resolve("cat.jpg").toFile());

        ImageFactory factory = ImageFactory.builder()
                .sources(DirectorySourceStore.of(temp.resolve("pictures")))
                .variants(DirectoryVariantStore.of(temp.resolve("variants")))
                .build();
        VariantRequest thumbnail = VariantRequest.of(Map.of("scalex", "320", "encoding", "webp"));
        Variant first = factory.variant("photos/cat.jpg", thumbnail);
        Variant second = factory.variant("photos/cat.jpg", thumbnail);

        assertThat(first.file()).isEqualTo(temp.resolve("variants/photos/cat.jpg/x-320-y-800-cat.webp"));
        assertThat(first.generated()).isTrue();
        assertThat(second.generated()).isFalse();
        assertThat(second.file()).isEqualTo(first.file());
        BufferedImage made = ImageIO.read(first.file().toFile());
        assertThat(made.getWidth()).isEqualTo(320);
        assertThat(made.getHeight()).isEqualTo(213);
    }

    @Test
    void aSourceReplacedByAnOlderDatedFileIsMadeAgain() throws Exception {
        Path pictures = Files.createDirectories(temp.resolve("pictures"));
        Path cat = pictures.resolve("cat.png");
        ImageIO.write(picture(400, 400), "png", cat.toFile());
        ImageFactory factory = ImageFactory.builder()
                .sources(DirectorySourceStore.of(pictures))
                .variants(DirectoryVariantStore.of(temp.resolve("variants")))
                .build();
        VariantRequest request = VariantRequest.of(Map.of("scalex", "100"));
        factory.variant("cat.png", request);

        ImageIO.write(picture(400, 200), "png", cat.toFile());
        Files.setLastModifiedTime(cat, FileTime.fromMillis(0));
        Variant again = factory.variant("cat.png", request);

        assertThat(again.generated()).isTrue();
        assertThat(ImageIO.read(again.file().toFile()).getHeight()).isEqualTo(50);
    }

    @Test
    void aMissingSourceIsRefusedByName() throws Exception {
        ImageFactory factory = ImageFactory.builder()
                .sources(DirectorySourceStore.of(Files.createDirectories(temp.resolve("pictures"))))
                .variants(DirectoryVariantStore.of(temp.resolve("variants")))
                .build();

        assertThatThrownBy(() -> factory.variant("dog.jpg", VariantRequest.of(Map.of("scalex", "100"))))
                .isInstanceOf(ImageFactoryException.class)
                .hasMessage("no source dog.jpg in the source store");
        assertThat(temp.resolve("variants")).doesNotExist();
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }
}
