package dev.s3resizer.core.color;

import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.IccProfiles.Curve;
import dev.s3resizer.core.fixture.IccProfiles.RgbSpace;
import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our matrix/TRC conversion against the JDK's colour engine (LCMS) on a patch chart of every
 * tone-curve kind: a 1024-entry table (v2 Display P3), a gamma (v2 Adobe RGB, ProPhoto, the JDK's
 * linear sRGB), sRGB-like and gamma parametric curves (v4); and which profiles it declines.
 */
class MatrixShaperTest {

    /** Levels of each channel in the chart: 9 x 9 x 9 patches, from black to white. */
    private static final int[] LEVELS = {0, 1, 16, 50, 100, 128, 180, 230, 255};

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("Display P3, v2 table", IccProfiles.profile(RgbSpace.DISPLAY_P3)),
                Arguments.of("Display P3, v4 parametric", IccProfiles.profile(RgbSpace.DISPLAY_P3, Curve.PARAMETRIC)),
                Arguments.of("Adobe RGB, v2 gamma", IccProfiles.profile(RgbSpace.ADOBE_RGB)),
                Arguments.of("Adobe RGB, v4 parametric gamma", IccProfiles.profile(RgbSpace.ADOBE_RGB, Curve.PARAMETRIC)),
                Arguments.of("ProPhoto, v2 gamma", IccProfiles.profile(RgbSpace.PROPHOTO)),
                Arguments.of("JDK linear sRGB", ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void agreesWithLcmsWithinOneLevelOnEveryPatch(String name, byte[] icc) {
        MatrixShaper shaper = MatrixShaper.parse(icc);
        assertThat(shaper).as("parsed as matrix/TRC").isNotNull();
        Pixels chart = chart();

        byte[] ours = new byte[chart.data().length];
        shaper.convert(chart.data(), 0, ours, 0, chart.width() * chart.height(), 3);
        byte[] lcms = lcms(chart, ICC_Profile.getInstance(icc));

        int worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs((ours[i] & 0xFF) - (lcms[i] & 0xFF)));
        }
        assertThat(worst).as("largest difference to LCMS, in levels").isLessThanOrEqualTo(1);
    }

    @Test
    void wideGamutColoursMoveWhereTheSpacesDefinitionsSay() {
        MatrixShaper p3 = MatrixShaper.parse(IccProfiles.profile(RgbSpace.DISPLAY_P3, Curve.PARAMETRIC));
        MatrixShaper proPhoto = MatrixShaper.parse(IccProfiles.profile(RgbSpace.PROPHOTO));
        int[] patch = {200, 100, 50};

        assertThat(convert(p3, patch)).satisfies(rgb -> near(rgb, RgbSpace.DISPLAY_P3.toSrgb(patch)));
        assertThat(convert(proPhoto, new int[] {120, 100, 90}))
                .satisfies(rgb -> near(rgb, RgbSpace.PROPHOTO.toSrgb(new int[] {120, 100, 90})));
    }

    @Test
    void lutGrayAndDamagedProfilesAreLeftToLcms() {
        byte[] p3 = IccProfiles.profile(RgbSpace.DISPLAY_P3);
        byte[] withLut = p3.clone();
        renameTag(withLut, "rXYZ", "A2B0");
        byte[] noCurve = p3.clone();
        renameTag(noCurve, "gTRC", "gXXX");

        assertThat(MatrixShaper.parse(withLut)).as("A2B0 present").isNull();
        assertThat(MatrixShaper.parse(noCurve)).as("green curve missing").isNull();
        assertThat(MatrixShaper.parse(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData())).as("gray").isNull();
        assertThat(MatrixShaper.parse(java.util.Arrays.copyOf(p3, 200))).as("truncated").isNull();
        assertThat(MatrixShaper.parse(new byte[0])).as("empty").isNull();
    }

    private static Pixels chart() {
        int n = LEVELS.length;
        Pixels chart = Pixels.allocate(n * n, n, 3);
        byte[] d = chart.data();
        int o = 0;
        for (int r : LEVELS) {
            for (int g : LEVELS) {
                for (int b : LEVELS) {
                    d[o++] = (byte) r;
                    d[o++] = (byte) g;
                    d[o++] = (byte) b;
                }
            }
        }
        return chart;
    }

    private static byte[] lcms(Pixels src, ICC_Profile profile) {
        BufferedImage from = BufferedImages.wrap(src, new ICC_ColorSpace(profile));
        Pixels dst = Pixels.allocate(src.width(), src.height(), 3);
        new ColorConvertOp(null).filter(from, BufferedImages.wrap(dst));
        return dst.data();
    }

    private static void renameTag(byte[] icc, String from, String to) {
        int count = (icc[128] & 0xFF) << 24 | (icc[129] & 0xFF) << 16 | (icc[130] & 0xFF) << 8 | (icc[131] & 0xFF);
        for (int i = 0; i < count; i++) {
            int at = 132 + 12 * i;
            if (new String(icc, at, 4, StandardCharsets.US_ASCII).equals(from)) {
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, icc, at, 4);
                return;
            }
        }
        throw new IllegalArgumentException("no tag " + from);
    }

    private static int[] convert(MatrixShaper shaper, int[] rgb) {
        byte[] pixel = {(byte) rgb[0], (byte) rgb[1], (byte) rgb[2]};
        shaper.convert(pixel, 0, pixel, 0, 1, 3);
        return new int[] {pixel[0] & 0xFF, pixel[1] & 0xFF, pixel[2] & 0xFF};
    }

    private static void near(int[] actual, int[] expected) {
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c]).as("channel %d", c).isCloseTo(expected[c], org.assertj.core.data.Offset.offset(1));
        }
    }
}
