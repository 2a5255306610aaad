package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A panorama wider than WebP allows is a clear refusal naming the limit, not an encoder crash after decoding. */
class EncodingLimitsTest {

    @TempDir
    Path folder;

    @Test
    void aVariantOverTheFormatsLimitIsRefusedAsAnArgumentNamingTheLimit() throws Exception {
        Path panorama = Fixtures.write(Fixtures.filled(16_400, 8, Color.ORANGE), "png", folder.resolve("pano.png"));

        assertThatThrownBy(() -> Fixtures.render(panorama, "encoding=webp"))
                .isInstanceOfSatisfying(ImageFactoryException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ImageFactoryException.Failure.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("encoding=webp", "16400x8", "16383");
                });
    }

    @Test
    void theSamePanoramaFitsInWebpWhenAskedSmallerAndInPngAsItIs() throws Exception {
        Path panorama = Fixtures.write(Fixtures.filled(16_400, 8, Color.ORANGE), "png", folder.resolve("pano.png"));

        assertThat(Fixtures.render(panorama, "scalex=16383&encoding=webp").rendition().size().width())
                .isEqualTo(16_383);
        assertThat(Fixtures.render(panorama, "encoding=png").rendition().size().width()).isEqualTo(16_400);
    }
}
