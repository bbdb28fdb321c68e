package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.IccProfiles.Curve;
import dev.s3resizer.core.fixture.IccProfiles.RgbSpace;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.fixture.Similarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Colour management: pixels tagged with a wide-gamut ICC profile (Display P3, Adobe RGB, built in
 * code) or stored as CMYK come out as the right sRGB values. Expected values for RGB profiles are
 * computed from the colour spaces' definitions, not by the colour engine under test.
 */
class ImageResizerColourTest {

    /** In-gamut for sRGB when read as P3 or Adobe RGB, and far enough from it to tell. */
    private static final int[][] PATCHES = {{200, 100, 50}, {90, 110, 200}, {220, 200, 180}, {120, 170, 110}};
    private static final int[][] CENTRES = {{32, 32}, {96, 32}, {32, 96}, {96, 96}};

    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    @ParameterizedTest
    @EnumSource(value = RgbSpace.class, names = {"DISPLAY_P3", "ADOBE_RGB"})
    void fixtureWideGamutColoursAreInGamutAndVisiblyDifferentInSrgb(RgbSpace space) {
        int[] converted = space.toSrgb(PATCHES[0]);
        assertThat(Similarity.distance(converted, PATCHES[0])).isGreaterThanOrEqualTo(10);
        for (int[] patch : PATCHES) {
            assertThat(java.util.Arrays.stream(space.toSrgb(patch)).boxed()).allSatisfy(v -> assertThat(v).isBetween(1, 254));
        }
    }

    @ParameterizedTest
    @EnumSource(value = RgbSpace.class, names = {"DISPLAY_P3", "ADOBE_RGB", "SRGB"})
    void iccTaggedJpegComesOutInSrgb(RgbSpace space) {
        byte[] jpeg = JpegSegments.insert(Codecs.jpeg(patches(), 98),
                JpegSegments.icc(IccProfiles.profile(space)));
        assertThat(new ImageResizer(Limits.DEFAULT).inspect(jpeg).hasIccProfile()).isTrue();

        BufferedImage lossless = Codecs.decode(resizer.render(jpeg, Rendition.parse("full", "1000,png")).bytes());
        BufferedImage jpegOut = Codecs.decode(resizer.render(jpeg, Rendition.parse("full", "1000,jpeg,q95")).bytes());

        for (int i = 0; i < PATCHES.length; i++) {
            int[] expected = space.toSrgb(PATCHES[i]);
            assertThat(Similarity.rgb(lossless, CENTRES[i][0], CENTRES[i][1])).as("patch %d in PNG", i)
                    .satisfies(rgb -> assertThat(Similarity.distance(rgb, expected)).isLessThanOrEqualTo(4));
            assertThat(Similarity.rgb(jpegOut, CENTRES[i][0], CENTRES[i][1])).as("patch %d in JPEG", i)
                    .satisfies(rgb -> assertThat(Similarity.distance(rgb, expected)).isLessThanOrEqualTo(5));
        }
    }

    /**
     * A chart of 64 flat colours, saturated ones included, in a tagged JPEG: both the YCbCr-planes
     * path (JPEG out, converted at the output size) and the RGB path (PNG out) agree with LCMS
     * converting the same decoded colours.
     */
    @ParameterizedTest
    @EnumSource(value = Curve.class)
    void taggedJpegAgreesWithLcmsOnBothPaths(Curve curve) {
        for (RgbSpace space : new RgbSpace[] {RgbSpace.DISPLAY_P3, RgbSpace.ADOBE_RGB, RgbSpace.PROPHOTO}) {
            byte[] icc = IccProfiles.profile(space, curve);
            byte[] untagged = Codecs.jpeg(chart(), 98);
            byte[] tagged = JpegSegments.insert(untagged, JpegSegments.icc(icc));
            BufferedImage source = Codecs.decode(untagged);
            BufferedImage lcms = new ColorConvertOp(null).filter(new BufferedImage(
                    new java.awt.image.ComponentColorModel(new ICC_ColorSpace(ICC_Profile.getInstance(icc)), false,
                            false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE),
                    source.getRaster(), false, null), new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB));

            BufferedImage planes = Codecs.decode(resizer.render(tagged, Rendition.parse("j", "1000,jpeg,q95")).bytes());
            BufferedImage rgb = Codecs.decode(resizer.render(tagged, Rendition.parse("p", "1000,png")).bytes());

            for (int y = 16; y < 256; y += 32) {
                for (int x = 16; x < 256; x += 32) {
                    int[] expected = Similarity.rgb(lcms, x, y);
                    assertThat(Similarity.rgb(planes, x, y)).as("%s %s JPEG at %d,%d", space, curve, x, y)
                            .satisfies(p -> assertThat(Similarity.distance(p, expected)).isLessThanOrEqualTo(2));
                    assertThat(Similarity.rgb(rgb, x, y)).as("%s %s PNG at %d,%d", space, curve, x, y)
                            .satisfies(p -> assertThat(Similarity.distance(p, expected)).isLessThanOrEqualTo(1));
                }
            }
        }
    }

    @Test
    void p3TaggedJpegIsConvertedAfterResizingToo() {
        byte[] jpeg = JpegSegments.insert(Codecs.jpeg(patches(), 98),
                JpegSegments.icc(IccProfiles.profile(RgbSpace.DISPLAY_P3)));

        BufferedImage out = Codecs.decode(resizer.render(jpeg, Rendition.parse("small", "32,png")).bytes());

        for (int i = 0; i < PATCHES.length; i++) {
            int[] rgb = Similarity.rgb(out, CENTRES[i][0] / 4, CENTRES[i][1] / 4);
            assertThat(Similarity.distance(rgb, RgbSpace.DISPLAY_P3.toSrgb(PATCHES[i]))).as("patch %d", i)
                    .isLessThanOrEqualTo(4);
        }
    }

    /** Bug: the JDK PNG reader parses iCCP but returns the pixels as sRGB, so P3 PNGs came out dull. */
    @Test
    void regressionPngIccpProfileWasIgnored() {
        byte[] png = PngChunks.insertAfterHeader(Codecs.png(patches()),
                PngChunks.iccp("Display P3", IccProfiles.profile(RgbSpace.DISPLAY_P3)));
        assertThat(resizer.inspect(png).hasIccProfile()).isTrue();

        BufferedImage out = Codecs.decode(resizer.render(png, Rendition.parse("full", "1000,png")).bytes());

        for (int i = 0; i < PATCHES.length; i++) {
            int[] rgb = Similarity.rgb(out, CENTRES[i][0], CENTRES[i][1]);
            assertThat(Similarity.distance(rgb, RgbSpace.DISPLAY_P3.toSrgb(PATCHES[i]))).as("patch %d", i)
                    .isLessThanOrEqualTo(3);
        }
    }

    /** An sRGB profile under any name is no conversion at all, as for JPEGs: the untagged file's output. */
    @Test
    void pngTaggedSrgbRendersAsUntagged() {
        byte[] untagged = Codecs.png(patches());
        byte[] tagged = PngChunks.insertAfterHeader(untagged, PngChunks.iccp("sRGB",
                java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData()));
        assertThat(resizer.inspect(tagged).hasIccProfile()).isTrue();
        Rendition half = Rendition.parse("half", "64,jpeg,q90");

        BufferedImage fromTagged = Codecs.decode(resizer.render(tagged, half).bytes());
        BufferedImage fromUntagged = Codecs.decode(resizer.render(untagged, half).bytes());

        assertThat(Similarity.psnr(fromTagged, fromUntagged)).isGreaterThan(60);
    }

    @Test
    void pngWithDamagedIccpIsTakenAsSrgbNotRefused() {
        byte[] png = PngChunks.insertAfterHeader(Codecs.png(patches()),
                PngChunks.chunk("iCCP", "broken\0\0not a zlib stream".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));

        BufferedImage out = Codecs.decode(resizer.render(png, Rendition.parse("full", "1000,png")).bytes());

        assertThat(Similarity.distance(Similarity.rgb(out, 32, 32), PATCHES[0])).isLessThanOrEqualTo(1);
    }

    /**
     * Bug: the reader's warning "Truncated ICC Profile data. Ignoring ICC profile." was taken for
     * truncated image data, so a JPEG with a cut profile (but every pixel) was refused as corrupt.
     */
    @Test
    void regressionJpegWithTruncatedIccProfileWasRefusedAsCorrupt() {
        byte[] cutProfile = java.util.Arrays.copyOf(IccProfiles.profile(RgbSpace.DISPLAY_P3), 300);
        byte[] jpeg = JpegSegments.insert(Codecs.jpeg(patches(), 98), JpegSegments.icc(cutProfile));

        BufferedImage out = Codecs.decode(resizer.render(jpeg, Rendition.parse("full", "1000,png")).bytes());

        assertThat(Similarity.distance(Similarity.rgb(out, 32, 32), PATCHES[0])).isLessThanOrEqualTo(3);
    }

    @Test
    void cmykJpegWithEmbeddedProfileIsConvertedThroughThatProfile() {
        byte[] jpeg = Codecs.resource("cmyk-swop-profile.jpg");
        ImageInfo info = resizer.inspect(jpeg);
        assertThat(info.cmyk()).isTrue();
        assertThat(info.hasIccProfile()).isTrue();

        BufferedImage out = Codecs.decode(resizer.render(jpeg, Rendition.parse("full", "1000,png")).bytes());

        int[][] lcms = {{199, 62, 57}, {56, 119, 187}, {241, 220, 56}, {91, 90, 90}};
        int[][] centres = {{16, 16}, {48, 16}, {16, 48}, {48, 48}};
        for (int i = 0; i < lcms.length; i++) {
            int[] rgb = Similarity.rgb(out, centres[i][0], centres[i][1]);
            assertThat(Similarity.distance(rgb, lcms[i])).as("patch %d: %s", i, java.util.Arrays.toString(rgb))
                    .isLessThanOrEqualTo(6);
        }
    }

    @Test
    void untaggedAdobeCmykJpegIsNotInvertedAndKeepsItsHues() {
        byte[] jpeg = Codecs.resource("cmyk-no-profile.jpg");
        assertThat(resizer.inspect(jpeg).cmyk()).isTrue();

        BufferedImage out = Codecs.decode(resizer.render(jpeg, Rendition.parse("full", "1000,jpeg,q95")).bytes());

        int[][] source = {{200, 60, 40}, {40, 120, 200}, {240, 220, 60}, {90, 90, 90}};
        int[][] centres = {{16, 16}, {48, 16}, {16, 48}, {48, 48}};
        for (int i = 0; i < source.length; i++) {
            int[] rgb = Similarity.rgb(out, centres[i][0], centres[i][1]);
            assertThat(Similarity.distance(rgb, source[i])).as("patch %d: %s", i, java.util.Arrays.toString(rgb))
                    .isLessThanOrEqualTo(25);
        }
    }

    @Test
    void grayscaleStaysGrayWithItsValues() {
        BufferedImage ramp = Pictures.grayRamp(256, 16);

        BufferedImage out = Codecs.decode(resizer.render(Codecs.png(ramp), Rendition.parse("g", "1000,jpeg,q95"))
                .bytes());

        assertThat(out.getRaster().getNumBands()).isEqualTo(1);
        assertThat(Similarity.meanAbsDiff(out, ramp)).isLessThan(1.5);
    }

    /** 8 x 8 patches of 32 px (two 4:2:0 MCUs across): every mix of levels 0, 60, 150 and 255. */
    private static BufferedImage chart() {
        int[] levels = {0, 60, 150, 255};
        BufferedImage chart = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < 64; i++) {
            int colour = levels[i & 3] << 16 | levels[i >> 2 & 3] << 8 | levels[i >> 4];
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    chart.setRGB(i % 8 * 32 + x, i / 8 * 32 + y, colour);
                }
            }
        }
        return chart;
    }

    private static BufferedImage patches() {
        int[] c = new int[4];
        for (int i = 0; i < 4; i++) {
            c[i] = PATCHES[i][0] << 16 | PATCHES[i][1] << 8 | PATCHES[i][2];
        }
        return Pictures.patches(128, 128, c);
    }
}
