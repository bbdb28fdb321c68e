package dev.s3resizer.core.pixels;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LevelsTest {

    @Test
    void divide255RoundsLikeTheDivisionForEveryProductOfTwoLevels() {
        for (int x = 0; x <= 255 * 255; x++) {
            assertThat(Levels.divide255(x)).as("x = %d", x).isEqualTo((int) Math.round(x / 255.0));
        }
    }
}
