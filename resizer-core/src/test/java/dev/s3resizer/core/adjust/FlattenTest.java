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

    @Test
    void pixelsWithoutAlphaPassThrough() {
        Pixels rgb = Pixels.allocate(2, 2, 3);

        assertThat(Flatten.onto(rgb, 0xFFFFFF)).isSameAs(rgb);
    }
}
