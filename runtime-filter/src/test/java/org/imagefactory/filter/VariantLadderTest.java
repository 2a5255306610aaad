package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.VariantRequest;
import org.junit.jupiter.api.Test;

class VariantLadderTest {

    private static VariantLadder ladder(List<Integer> sizes, List<Integer> qualities) {
        return VariantLadder.of(sizes, List.of(), 80, qualities, List.of());
    }

    @Test
    void theManifestsSizesReplaceTheDefaultStepsAndAllowedSizesWidenThem() {
        assertThat(VariantLadder.of(List.of(), List.of(), 80, List.of(), List.of()).sizes())
                .containsExactlyElementsOf(VariantLadder.DEFAULT_STEPS);
        assertThat(VariantLadder.of(List.of(640, 320), List.of(100), 80, List.of(), List.of()).sizes())
                .containsExactly(100, 320, 640);
    }

    @Test
    void theQualitiesAreTheDefaultTheManifestsAndTheAllowedOnes() {
        assertThat(VariantLadder.of(List.of(), List.of(), 75, List.of(), List.of()).qualities()).containsExactly(75);
        assertThat(VariantLadder.of(List.of(), List.of(), 80, List.of(60), List.of(90, 80)).qualities())
                .containsExactly(60, 80, 90);
    }

    @Test
    void snapRoundsEachDimensionAndTheQualityUpAndCapsAtTheTopStep() {
        VariantLadder ladder = ladder(List.of(320, 640), List.of(60));
        assertThat(ladder.apply(SizePolicy.SNAP, VariantRequest.of("321", "5000", "webp", "70")))
                .isEqualTo(VariantRequest.of("640", "640", "webp", "80"));
        assertThat(ladder.apply(SizePolicy.SNAP, VariantRequest.of(null, "1", null, "1")))
                .isEqualTo(VariantRequest.of(null, "320", null, "60"));
        assertThat(ladder.apply(SizePolicy.SNAP, VariantRequest.of(null, null, "jpeg", "100")))
                .isEqualTo(VariantRequest.of(null, null, "jpeg", "80"));
        assertThat(ladder.apply(SizePolicy.SNAP, VariantRequest.of("320", null, null, null)).quality()).isNull();
    }

    @Test
    void strictRefusesAnyDimensionOrQualityOffTheLadderAndAnyLetsAllThrough() {
        VariantLadder ladder = ladder(List.of(320, 640), List.of(60));
        VariantRequest onLadder = VariantRequest.of("320", "640", null, "60");
        assertThat(ladder.apply(SizePolicy.STRICT, onLadder)).isEqualTo(onLadder);
        assertThatThrownBy(() -> ladder.apply(SizePolicy.STRICT, VariantRequest.of("320", "641", null, null)))
                .isInstanceOf(ImageFactoryException.class)
                .hasMessageContaining("scaley=641").hasMessageContaining("sizes [320, 640]");
        assertThatThrownBy(() -> ladder.apply(SizePolicy.STRICT, VariantRequest.of("320", null, "jpeg", "61")))
                .isInstanceOf(ImageFactoryException.class)
                .hasMessageContaining("quality=61").hasMessageContaining("qualities [60, 80]");
        VariantRequest lossless = VariantRequest.of("320", null, "png", "61");
        assertThat(ladder.apply(SizePolicy.STRICT, lossless)).isEqualTo(lossless);
        VariantRequest odd = VariantRequest.of("333", "777", null, "37");
        assertThat(ladder.apply(SizePolicy.ANY, odd)).isEqualTo(odd);
    }
}
