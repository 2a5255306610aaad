package org.imagefactory.core.internal.png;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowFiltersTest {

    @Test
    void paethPredictorPicksTheNeighbourTheSpecificationPicksForEveryTriple() {
        int mismatches = 0;
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    if (RowFilters.paethPredictor(a, b, c) != specification(a, b, c)) {
                        mismatches++;
                    }
                }
            }
        }
        assertThat(mismatches).isZero();
    }

    @Test
    void unknownFilterTypesAreRefused() {
        byte[] row = new byte[8];
        assertThat(RowFilters.unfilter(5, row, new byte[8], 4, 8)).isFalse();
        assertThat(RowFilters.unfilter(4, row, new byte[8], 4, 8)).isTrue();
    }

    /** PNG specification, section 9.4. */
    private static int specification(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
