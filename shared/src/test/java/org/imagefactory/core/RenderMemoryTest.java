package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderMemoryTest {

    private final ResizePipeline pipeline = new ResizePipeline();

    private long peak(Encoding format, int width, int height, String scalex) {
        SourceInfo info = new SourceInfo(format, width, height, 1, 1);
        return pipeline.peakBytes(info, pipeline.normalize(VariantRequest.of(scalex, null, null, null), info));
    }

    @Test
    void aRenderHoldsAtLeastItsDecodedAndOutputImages() {
        // A PNG subsampled by 3 for a 1000 px output: 1333 x 1000 ints decoded, 1000 x 750 out.
        assertThat(peak(Encoding.PNG, 4000, 3000, "1000")).isGreaterThan(4L * (1333 * 1000 + 1000 * 750));
    }

    @Test
    void theEstimateFollowsTheDecodeScaleNotOnlyTheSourceSize() {
        long thumbnail = peak(Encoding.PNG, 8000, 6000, "100");
        long full = peak(Encoding.PNG, 8000, 6000, "8000");

        assertThat(thumbnail).isLessThan(full / 20);
        assertThat(peak(Encoding.WEBP, 8000, 6000, "100")).as("WebP readers decode the whole frame")
                .isGreaterThan(4L * 8000 * 6000);
    }

    /** A 50 MP JPEG, the largest the default pixel limit allows, fits a quarter of a 2 GiB heap for a large size. */
    @Test
    void aFiftyMegapixelJpegIsEstimatedWithinAModestHeap() {
        assertThat(peak(Encoding.JPEG, 10_000, 5_000, "1920")).isBetween(200L << 20, 512L << 20);
    }
}
