package dev.s3resizer.core.png;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The branch-free Paeth predictor against the PNG specification's definition. */
class RowFiltersTest {

    @Test
    void paethPredictorIsTheSpecificationsForEveryLeftUpAndUpperLeft() {
        int mismatches = 0;
        String first = null;
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    if (RowFilters.predict(a, b, c) != specification(a, b, c)) {
                        mismatches++;
                        first = first == null ? a + "," + b + "," + c : first;
                    }
                }
            }
        }
        assertThat(mismatches).as("first at a,b,c = %s", first).isZero();
    }

    /** PNG specification, 9.4: the nearest of a, b and c to a + b - c, ties to a, then b. */
    private static int specification(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
