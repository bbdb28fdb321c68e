package dev.s3resizer.core.adjust;

import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Compositing straight alpha over a solid background. */
class FlattenTest {

    @Test
    void opaqueKeepsItsColourTransparentTakesTheBackgroundHalfMixes() {
        Pixels rgba = new Pixels(3, 1, 4, new byte[] {
            (byte) 200, 60, 40, (byte) 255,
            0, 0, 0, 0,
            0, 0, 0, (byte) 128});

        Pixels rgb = Flatten.onto(rgba, 0xFFFFFF);

        assertThat(rgb.channels()).isEqualTo(3);
        assertThat(rgb.data()).containsExactly((byte) 200, 60, 40, (byte) 255, (byte) 255, (byte) 255, 127, 127, 127);
    }

    @Test
    void usesTheGivenBackground() {
        Pixels rgba = new Pixels(1, 1, 4, new byte[] {0, 0, 0, 0});

        assertThat(Flatten.onto(rgba, 0x102030).data()).containsExactly(0x10, 0x20, 0x30);
    }

    /** Runs of equal pixels, as in logos, reuse the blend on their left; it must be the same blend. */
    @Test
    void everyPixelIsTheBlendOfItsOwnAlphaInRunsAndAlone() {
        java.util.Random random = new java.util.Random(7);
        int width = 4000;
        byte[] rgba = new byte[width * 4];
        for (int x = 0; x < width; x++) {
            int source = x < 1 || random.nextInt(3) == 0 ? x * 4 : (x - 1) * 4;
            for (int k = 0; k < 4; k++) {
                rgba[x * 4 + k] = source == x * 4 ? (byte) random.nextInt(256) : rgba[source + k];
            }
        }
        int[] background = {0x40, 0x80, 0xC0};

        byte[] rgb = Flatten.onto(new Pixels(width, 1, 4, rgba), 0x4080C0).data();

        for (int x = 0; x < width; x++) {
            int a = rgba[x * 4 + 3] & 0xFF;
            for (int k = 0; k < 3; k++) {
                int expected = Math.round(((rgba[x * 4 + k] & 0xFF) * a + background[k] * (255 - a)) / 255f);
                assertThat(rgb[x * 3 + k] & 0xFF).as("pixel %d channel %d", x, k).isEqualTo(expected);
            }
        }
    }

    @Test
    void pixelsWithoutAlphaPassThrough() {
        Pixels rgb = Pixels.allocate(2, 2, 3);

        assertThat(Flatten.onto(rgb, 0xFFFFFF)).isSameAs(rgb);
    }
}
