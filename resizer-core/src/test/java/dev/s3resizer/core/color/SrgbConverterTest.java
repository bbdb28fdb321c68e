package dev.s3resizer.core.color;

import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.IccProfiles.RgbSpace;
import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;

import java.awt.color.ICC_Profile;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversion from an embedded RGB profile to sRGB, checked against the colour spaces' definitions. */
class SrgbConverterTest {

    private static final ICC_Profile P3 = ICC_Profile.getInstance(IccProfiles.profile(RgbSpace.DISPLAY_P3));

    @Test
    void p3ColoursBecomeTheirSrgbEquivalents() {
        Pixels p3 = new Pixels(2, 1, 3, new byte[] {(byte) 200, 100, 50, 90, 110, (byte) 200});

        byte[] out = SrgbConverter.toSrgb(p3, P3).data();

        assertNear(out, 0, RgbSpace.DISPLAY_P3.toSrgb(new int[] {200, 100, 50}));
        assertNear(out, 3, RgbSpace.DISPLAY_P3.toSrgb(new int[] {90, 110, 200}));
    }

    @Test
    void alphaIsKeptExactly() {
        Pixels p3 = new Pixels(2, 1, 4, new byte[] {(byte) 200, 100, 50, 7, (byte) 200, 100, 50, (byte) 255});

        byte[] out = SrgbConverter.toSrgb(p3, P3).data();

        assertThat(out[3]).isEqualTo((byte) 7);
        assertThat(out[7]).isEqualTo((byte) 255);
        assertNear(out, 0, RgbSpace.DISPLAY_P3.toSrgb(new int[] {200, 100, 50}));
    }

    @Test
    void noProfileOrGrayPassesThrough() {
        Pixels rgb = Pixels.allocate(1, 1, 3);
        Pixels gray = Pixels.allocate(1, 1, 1);

        assertThat(SrgbConverter.toSrgb(rgb, null)).isSameAs(rgb);
        assertThat(SrgbConverter.toSrgb(gray, P3)).isSameAs(gray);
    }

    private static void assertNear(byte[] data, int at, int[] expected) {
        for (int k = 0; k < 3; k++) {
            assertThat(data[at + k] & 0xFF).as("channel %d", k).isCloseTo(expected[k], org.assertj.core.data.Offset.offset(2));
        }
    }
}
