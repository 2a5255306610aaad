package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

/** The refusal a user sees for a source: probe, normalize and render as the filter does, expecting a typed failure. */
final class Refusals {

    private Refusals() {
    }

    static ImageFactoryException of(Path file) {
        ResizePipeline pipeline = new ResizePipeline();
        ImageFactoryException refused = catchThrowableOfType(ImageFactoryException.class, () -> {
            SourceInfo info = pipeline.probe(file);
            pipeline.render(file, info, pipeline.normalize(VariantRequest.of("20", null, "png", null), info));
        });
        assertThat(refused).as("a typed refusal of %s", file.getFileName()).isNotNull();
        return refused;
    }
}
