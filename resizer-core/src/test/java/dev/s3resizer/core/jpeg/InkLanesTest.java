package dev.s3resizer.core.jpeg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Adobe CMYK and YCCK rows to RGB on vector lanes against the scalar loop. */
class InkLanesTest {

    /**
     * Random samples (every level of Y, Cb, Cr and K, so that YCbCr leaves 0-255 and clamps), at
     * offsets into the rows, across widths below, at and past a vector's worth: the lanes' pixels
     * and the scalar loop's rest are the levels the scalar loop gives the whole row.
     */
    @Test
    void lanesGiveTheScalarLevels() {
        Random random = new Random(14);
        for (boolean ycck : new boolean[] {true, false}) {
            for (int width : new int[] {5, 8, 17, 40, 203}) {
                byte[][] rows = new byte[4][];
                for (int c = 0; c < 4; c++) {
                    rows[c] = new byte[width + 3];
                    random.nextBytes(rows[c]);
                }
                byte[] scalar = new byte[3 * width + 2];
                byte[] lanes = new byte[3 * width + 2];
                ColorConversion.cmyk(rows[0], 1, rows[1], 2, rows[2], 3, rows[3], 0, ycck, false, scalar, 2, width);

                int done = new InkLanes(width, ycck).toRgb(rows[0], 1, rows[1], 2, rows[2], 3, rows[3], 0, lanes, 2);
                ColorConversion.cmyk(rows[0], 1 + done, rows[1], 2 + done, rows[2], 3 + done, rows[3], done, ycck,
                        false, lanes, 2 + 3 * done, width - done);

                assertThat(done).as("pixels on lanes, width %d", width).isEqualTo(width / 8 * 8);
                assertThat(lanes).as("ycck %s, width %d", ycck, width).isEqualTo(scalar);
            }
        }
    }
}
