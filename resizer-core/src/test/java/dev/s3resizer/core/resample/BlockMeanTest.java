package dev.s3resizer.core.resample;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BlockMean} against the integer division it replaces, for every sum a block of 8-bit samples can have. */
class BlockMeanTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 9, 12, 15, 16, 25, 49, 81, 100, 255, 1000, 4095, 10007, 32767, 32768,
            32769, 100_000})
    void sameAsRoundedIntegerDivision(int n) {
        BlockMean mean = new BlockMean(n);
        int wrong = -1;
        for (int sum = 0; sum <= 255 * n && wrong < 0; sum++) {
            if (mean.of(sum) != (sum + n / 2) / n) {
                wrong = sum;
            }
        }
        assertThat(wrong).as("first sum whose mean differs").isEqualTo(-1);
    }
}
