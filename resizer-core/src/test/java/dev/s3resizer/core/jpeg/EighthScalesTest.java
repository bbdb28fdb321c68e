package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;
import dev.s3resizer.core.probe.ImageProbe;
import dev.s3resizer.core.resample.Plan;
import dev.s3resizer.core.resample.Resampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.s3resizer.core.jpeg.PixelComparison.areaResize;
import static dev.s3resizer.core.jpeg.PixelComparison.imageIo;
import static dev.s3resizer.core.jpeg.PixelComparison.psnr;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resizer's decode ({@link DecodeRequest}): every scale M/8, YCbCr as planes with chroma at
 * the scale asked for. Planes are brought to RGB the way the pipeline does (chroma resampled to
 * the luma's size, then converted) and compared with ImageIO's full decode area-averaged to the
 * same size. The bar is 28 dB, not the 35 of the power-of-two scales: an M/8 IDCT keeps the block
 * frequencies the smaller grid can hold and drops the rest, as libjpeg's do (on the corpus photos
 * that beats an area average against a Lanczos reference by 2-6 dB), and chroma comes
 * Lanczos-upsampled instead of triangle-upsampled (4:1:1 chroma, a quarter wide, is repeated, so
 * 26 there); a misplaced block, row or plane costs far more. {@link TruncatedIdctTest} checks the transforms themselves against their formula.
 */
class EighthScalesTest {

    private static final int WIDTH = 301;
    private static final int HEIGHT = 203;
    /**
     * Smooth content: M/8 scales keep the frequencies the smaller grid can hold and drop the rest
     * (as libjpeg's), which on sharp line art differs from an area average by design.
     */
    private static final BufferedImage PICTURE = Pictures.waves(WIDTH, HEIGHT);

    static Stream<Arguments> variants() {
        List<Arguments> cases = new ArrayList<>();
        int[][] samplings = {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {4, 1}};
        for (int[] s : samplings) {
            String name = s[0] + "x" + s[1];
            cases.add(Arguments.of(name + " baseline", JpegFixtures.jpeg(PICTURE, s[0], s[1], false, 0, 0.9f)));
            cases.add(Arguments.of(name + " progressive", JpegFixtures.jpeg(PICTURE, s[0], s[1], true, 0, 0.9f)));
        }
        cases.add(Arguments.of("2x2 restart 3", JpegFixtures.jpeg(PICTURE, 2, 2, false, 3, 0.9f)));
        cases.add(Arguments.of("gray", JpegFixtures.jpeg(JpegFixtures.gray(PICTURE), 1, 1, false, 0, 0.9f)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyScaleMatchesImageIoAreaAveraged(String variant, byte[] jpeg) {
        Pixels reference = imageIo(jpeg);
        for (int m : new int[] {3, 4, 5, 6, 8}) {
            int w = (WIDTH * m + 7) / 8;
            int h = (HEIGHT * m + 7) / 8;
            Pixels ours = decode(jpeg, new DecodeRequest(w, h, false)).pixels();
            Pixels fromPlanes = rgb(decode(jpeg, new DecodeRequest(w, h, true)));

            assertThat(new int[] {ours.width(), ours.height()}).as(variant + " at " + m + "/8").containsExactly(w, h);
            Pixels expected = areaResize(reference, w, h);
            double bar = variant.startsWith("4x1") ? 26 : 28;
            assertThat(psnr(ours, expected)).as(variant + " at " + m + "/8").isGreaterThanOrEqualTo(bar);
            assertThat(fromPlanes.width()).isEqualTo(w);
            assertThat(psnr(fromPlanes, expected)).as(variant + " at " + m + "/8, planes").isGreaterThanOrEqualTo(bar);
        }
    }

    @Test
    void colourComesAsPlanesWithHalfSizeChromaOnlyWhenAsked() {
        byte[] jpeg = JpegFixtures.jpeg(JpegFixtures.picture(400, 300, 3), 2, 2, false, 0, 0.9f);

        YccPlanes planes = decode(jpeg, new DecodeRequest(150, 113, true)).ycc();
        Decoded pixels = decode(jpeg, new DecodeRequest(150, 113, false));

        assertThat(new int[] {planes.y().width(), planes.y().height()}).containsExactly(150, 113);
        assertThat(planes.lumaScaleX()).isEqualTo(3 / 8.0);
        assertThat(new int[] {planes.cb().width(), planes.cb().height()}).containsExactly(75, 57);
        assertThat(planes.chromaScaleX()).isEqualTo(3 / 16.0);
        assertThat(pixels.ycc()).isNull();
        assertThat(pixels.pixels().channels()).isEqualTo(3);
    }

    @Test
    void chromaTwiceAsDenseDownAsAcrossDecodesFewerRowsThanColumns() {
        byte[] jpeg = JpegFixtures.jpeg(JpegFixtures.picture(600, 400, 5), 2, 1, false, 0, 0.9f);

        YccPlanes planes = decode(jpeg, new DecodeRequest(225, 150, true)).ycc();

        assertThat(planes.lumaScaleX()).isEqualTo(3 / 8.0);
        assertThat(planes.chromaScaleX()).as("3 of 16 columns").isEqualTo(3 / 16.0);
        assertThat(planes.chromaScaleY()).as("2 of 8 rows").isEqualTo(2 / 8.0);
        assertThat(new int[] {planes.cb().width(), planes.cb().height()}).containsExactly(113, 100);
    }

    @Test
    void grayAndCmykStayPixels() {
        byte[] gray = JpegFixtures.jpeg(JpegFixtures.gray(PICTURE), 1, 1, false, 0, 0.9f);

        Decoded decoded = decode(gray, new DecodeRequest(113, 77, true));

        assertThat(decoded.ycc()).isNull();
        assertThat(decoded.pixels().channels()).isEqualTo(1);
        assertThat(decoded.pixels().width()).isEqualTo(113);
    }

    @Test
    void choosesTheSmallestEighthThatCoversTheRequestCountingTheCoarseScalesAtThreeQuarters() {
        assertThat(ScaledLayout.scaleFor(4032, 3024, 1500, 1125)).as("12 MP for 1000 px at gap 1.5").isEqualTo(3);
        assertThat(ScaledLayout.scaleFor(4032, 3024, 480, 360)).as("12 MP for 320 px: 1/8 counts as 378").isEqualTo(2);
        assertThat(ScaledLayout.scaleFor(4032, 3024, 378, 283)).as("12 MP for 252 px").isEqualTo(1);
        assertThat(ScaledLayout.scaleFor(4032, 3024, 640, 480)).as("1/4 counts as 756 wide").isEqualTo(2);
        assertThat(ScaledLayout.scaleFor(6000, 4000, 1500, 1000)).as("1/4 would be exactly 1500").isEqualTo(3);
        assertThat(ScaledLayout.scaleFor(4032, 3024, 2400, 1800)).as("for 1600 px").isEqualTo(5);
        assertThat(ScaledLayout.scaleFor(4032, 3024, 5000, 10)).as("never more than full size").isEqualTo(8);
        assertThat(ScaledLayout.scaleFor(4032, 3024, 3072, 2304)).as("for 2048 px: 8/8, not the slower 7/8").isEqualTo(8);
    }

    private static Decoded decode(byte[] jpeg, DecodeRequest request) {
        ImageInfo info = ImageProbe.probe(jpeg);
        return new ScaledJpegDecoder().decode(jpeg, info, request);
    }

    /** RGB the way the pipeline makes it from planes: chroma resampled onto the luma grid, then converted. */
    static Pixels rgb(Decoded decoded) {
        YccPlanes ycc = decoded.ycc();
        if (ycc == null) {
            return decoded.pixels();
        }
        int w = ycc.y().width();
        int h = ycc.y().height();
        Plan chroma = new Plan(0, 0, w * ycc.chromaScaleX() / ycc.lumaScaleX(), h * ycc.chromaScaleY() / ycc.lumaScaleY(),
                w, h);
        Pixels rgb = Pixels.allocate(w, h, 3);
        YccPlanes.toRgb(ycc.y().data(), 0, Resampler.resample(ycc.cb(), chroma).data(), 0,
                Resampler.resample(ycc.cr(), chroma).data(), 0, rgb.data(), 0, w * h);
        return rgb;
    }
}
