package dev.s3resizer.core.color;

import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.IccProfiles.RgbSpace;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Planes at the output size converted to sRGB: geometry of odd sides, and blocks against pixels. */
class YccToSrgbTest {

    private static final MatrixShaper P3 = MatrixShaper.parse(IccProfiles.profile(RgbSpace.DISPLAY_P3));

    @Test
    void oddSidesConvertTheirHalfBlocksLikeWholeOnes() {
        YccPlanes in = flat(5, 3, 150, 90, 170);

        YccPlanes out = YccToSrgb.convert(in, P3);

        assertThat(out.y().width()).isEqualTo(5);
        assertThat(out.cb().width()).isEqualTo(3);
        assertThat(out.cb().height()).isEqualTo(2);
        YccPlanes whole = YccToSrgb.convert(flat(2, 2, 150, 90, 170), P3);
        assertThat(out.y().data()).containsOnly(whole.y().data()[0]);
        assertThat(out.cb().data()).containsOnly(whole.cb().data()[0]);
        assertThat(out.cr().data()).containsOnly(whole.cr().data()[0]);
    }

    @Test
    void aFlatBlockBecomesTheSrgbOfItsColour() {
        YccPlanes in = flat(2, 2, 150, 90, 170);
        byte[] rgb = new byte[3];
        YccPlanes.toRgb(in.y().data(), 0, in.cb().data(), 0, in.cr().data(), 0, rgb, 0, 1);
        P3.convert(rgb, 0, rgb, 0, 1, 3);

        YccPlanes out = YccToSrgb.convert(in, P3);

        byte[] back = new byte[3];
        YccPlanes.toRgb(out.y().data(), 0, out.cb().data(), 0, out.cr().data(), 0, back, 0, 1);
        for (int c = 0; c < 3; c++) {
            assertThat(back[c] & 0xFF).as("channel %d", c).isCloseTo(rgb[c] & 0xFF,
                    org.assertj.core.data.Offset.offset(1));
        }
        assertThat(back).isNotEqualTo(new byte[] {(byte) 150, 90, (byte) 170});
    }

    /**
     * The vector lanes take the whole blocks of a row that fill vectors, the scalar loop the rest
     * and an odd last row: the same levels either way, across widths below, at and past a vector's
     * worth of blocks, for the sRGB curve (P3) and gammas (Adobe RGB, ProPhoto), with chroma far off grey so
     * that pixels leave the sRGB gamut and clip.
     */
    @Test
    void vectorLanesGiveTheScalarLevels() {
        Random random = new Random(14);
        for (RgbSpace space : new RgbSpace[] {RgbSpace.DISPLAY_P3, RgbSpace.ADOBE_RGB, RgbSpace.PROPHOTO}) {
            MatrixShaper shaper = MatrixShaper.parse(IccProfiles.profile(space));
            for (int w : new int[] {7, 16, 17, 33, 48, 101}) {
                YccPlanes in = noise(w, 2 * (w % 5) + 3, random);

                YccPlanes lanes = YccToSrgb.convert(in, shaper, true);
                YccPlanes scalar = YccToSrgb.convert(in, shaper, false);

                assertThat(lanes.y().data()).as("%s luma, width %d", space, w).isEqualTo(scalar.y().data());
                assertThat(lanes.cb().data()).as("%s Cb, width %d", space, w).isEqualTo(scalar.cb().data());
                assertThat(lanes.cr().data()).as("%s Cr, width %d", space, w).isEqualTo(scalar.cr().data());
            }
        }
    }

    @Test
    void chromaOfAnotherSizeIsRefused() {
        YccPlanes wrong = new YccPlanes(Pixels.allocate(4, 4, 1), Pixels.allocate(1, 2, 1), Pixels.allocate(1, 2, 1),
                1, 1, 0.5, 0.5);

        assertThatThrownBy(() -> YccToSrgb.convert(wrong, P3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected chroma 2x2");
    }

    private static YccPlanes flat(int w, int h, int y, int cb, int cr) {
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        return new YccPlanes(plane(w, h, y), plane(cw, ch, cb), plane(cw, ch, cr), 1, 1, 0.5, 0.5);
    }

    private static YccPlanes noise(int w, int h, Random random) {
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        return new YccPlanes(noise(w, h, random, 256), noise(cw, ch, random, 256), noise(cw, ch, random, 256),
                1, 1, 0.5, 0.5);
    }

    private static Pixels noise(int w, int h, Random random, int levels) {
        byte[] data = new byte[w * h];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(levels);
        }
        return new Pixels(w, h, 1, data);
    }

    private static Pixels plane(int w, int h, int level) {
        byte[] data = new byte[w * h];
        Arrays.fill(data, (byte) level);
        return new Pixels(w, h, 1, data);
    }
}
