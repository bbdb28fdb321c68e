package dev.s3resizer.core.jpeg.encode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantTablesTest {

    @Test
    void quality75IsTheWellKnownLibjpegTable() {
        int[] luma = QuantTables.forQuality(75).luma();
        assertThat(java.util.Arrays.copyOfRange(luma, 0, 8)).containsExactly(8, 6, 5, 8, 12, 20, 26, 31);
        assertThat(java.util.Arrays.copyOfRange(luma, 56, 64)).containsExactly(36, 46, 48, 49, 56, 50, 52, 50);
        int[] chroma = QuantTables.forQuality(75).chroma();
        assertThat(java.util.Arrays.copyOfRange(chroma, 0, 8)).containsExactly(9, 9, 12, 24, 50, 50, 50, 50);
    }

    @Test
    void quality50KeepsTheBaseTablesAnd100IsLossless() {
        assertThat(QuantTables.forQuality(50).luma()[0]).isEqualTo(16);
        assertThat(QuantTables.forQuality(50).chroma()[63]).isEqualTo(99);
        assertThat(QuantTables.forQuality(100).luma()).containsOnly(1);
    }

    @Test
    void lowQualitiesClampToBaselineRange() {
        assertThat(QuantTables.forQuality(1).luma()).containsOnly(255);
        assertThat(QuantTables.percentScale(10)).isEqualTo(500);
    }

    @Test
    void refusesQualitiesOutsideOneToHundred() {
        assertThatThrownBy(() -> QuantTables.forQuality(0)).hasMessageContaining("1-100");
        assertThatThrownBy(() -> QuantTables.forQuality(101)).hasMessageContaining("1-100");
    }
}
