package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.VariantRequest;
import org.junit.jupiter.api.Test;

class SizeLadderTest {

    @Test
    void theManifestsSizesReplaceTheDefaultStepsAndAllowedSizesWidenThem() {
        assertThat(SizeLadder.of(List.of(), List.of()).steps()).containsExactlyElementsOf(SizeLadder.DEFAULT_STEPS);
        assertThat(SizeLadder.of(List.of(640, 320), List.of(100)).steps()).containsExactly(100, 320, 640);
    }

    @Test
    void snapRoundsEachDimensionUpAndCapsAtTheTopStep() {
        SizeLadder ladder = SizeLadder.of(List.of(320, 640), List.of());
        VariantRequest snapped = ladder.apply(SizePolicy.SNAP, VariantRequest.of("321", "5000", "webp", "70"));
        assertThat(snapped).isEqualTo(VariantRequest.of("640", "640", "webp", "70"));
        assertThat(ladder.apply(SizePolicy.SNAP, VariantRequest.of(null, "1", null, null)))
                .isEqualTo(VariantRequest.of(null, "320", null, null));
    }

    @Test
    void strictRefusesAnyDimensionOffTheLadderAndAnyLetsAllThrough() {
        SizeLadder ladder = SizeLadder.of(List.of(320, 640), List.of());
        VariantRequest onLadder = VariantRequest.of("320", "640", null, null);
        assertThat(ladder.apply(SizePolicy.STRICT, onLadder)).isEqualTo(onLadder);
        assertThatThrownBy(() -> ladder.apply(SizePolicy.STRICT, VariantRequest.of("320", "641", null, null)))
                .isInstanceOf(ImageFactoryException.class)
                .hasMessageContaining("scaley=641").hasMessageContaining("[320, 640]");
        VariantRequest odd = VariantRequest.of("333", "777", null, null);
        assertThat(ladder.apply(SizePolicy.ANY, odd)).isEqualTo(odd);
    }
}
