package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VariantManifestTest {

    @Test
    void theLadderStepsAreTheSizesAndExplicitQualitiesTheVariantsName() throws IOException {
        String text = """
                # imagefactory variant manifest 1
                variant scalex=320&encoding=jpeg&quality=60
                variant scalex=640&scaley=480&encoding=webp
                variant scaley=200&quality=90
                file photos/cat.jpg/x-320-y-240-q-60-cat.jpeg
                """;
        VariantManifest manifest = VariantManifest.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "manifest");

        assertThat(manifest.widths()).containsExactly(320, 640);
        assertThat(manifest.heights()).containsExactly(200, 480);
        assertThat(manifest.qualities()).containsExactly(60, 90);
        assertThat(manifest.files()).containsExactly("photos/cat.jpg/x-320-y-240-q-60-cat.jpeg");
    }
}
