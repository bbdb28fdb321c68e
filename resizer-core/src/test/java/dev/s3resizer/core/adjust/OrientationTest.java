package dev.s3resizer.core.adjust;

import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each EXIF orientation on a 3x2 gray raster whose samples are their own stored positions:
 * the displayed layouts are written out from the EXIF definitions.
 */
class OrientationTest {

    /** Stored, row by row: 1 2 3 / 4 5 6. */
    private static final Pixels STORED = new Pixels(3, 2, 1, new byte[] {1, 2, 3, 4, 5, 6});

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource(delimiter = '|', value = {
        "1 | 3 | 1 2 3 4 5 6",
        "2 | 3 | 3 2 1 6 5 4",
        "3 | 3 | 6 5 4 3 2 1",
        "4 | 3 | 4 5 6 1 2 3",
        "5 | 2 | 1 4 2 5 3 6",
        "6 | 2 | 4 1 5 2 6 3",
        "7 | 2 | 6 3 5 2 4 1",
        "8 | 2 | 3 6 2 5 1 4",
    })
    void displaysAsTheExifDefinitionSays(int orientation, int width, String displayed) {
        Pixels out = Orientation.apply(STORED, orientation);

        assertThat(out.width()).isEqualTo(width);
        assertThat(out.height()).isEqualTo(6 / width);
        StringBuilder actual = new StringBuilder();
        for (byte b : out.data()) {
            actual.append(actual.isEmpty() ? "" : " ").append(b);
        }
        assertThat(actual.toString()).isEqualTo(displayed);
    }

    @Test
    void keepsEveryChannel() {
        Pixels rgba = new Pixels(2, 1, 4, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertThat(Orientation.apply(rgba, 2).data()).containsExactly(5, 6, 7, 8, 1, 2, 3, 4);
    }

    @Test
    void outOfRangeValuesLeaveThePixelsAlone() {
        assertThat(Orientation.apply(STORED, 0)).isSameAs(STORED);
        assertThat(Orientation.apply(STORED, 9)).isSameAs(STORED);
    }
}
