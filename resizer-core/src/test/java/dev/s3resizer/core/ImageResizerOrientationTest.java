package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.ExifBlock;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.fixture.Similarity;
import dev.s3resizer.core.fixture.TiffFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXIF orientations 1-8 on a wide and a tall picture: every output must look like the reference
 * as displayed, at full size, resized and cropped. The stored pixels are made by applying the
 * inverse of each orientation to the reference, then tagged with a hand-written EXIF block.
 */
class ImageResizerOrientationTest {

    private static final BufferedImage WIDE = Pictures.asymmetric(160, 100);
    private static final BufferedImage TALL = Pictures.asymmetric(100, 160);

    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    static Stream<Arguments> shapesAndOrientations() {
        List<Arguments> cases = new ArrayList<>();
        for (String shape : List.of("wide", "tall")) {
            for (int orientation = 1; orientation <= 8; orientation++) {
                cases.add(Arguments.of(shape, orientation));
            }
        }
        return cases.stream();
    }

    @Test
    void fixtureStoredPicturesDifferForEveryOrientationSoTheTestsCanFail() {
        for (BufferedImage reference : List.of(WIDE, TALL)) {
            for (int a = 1; a <= 8; a++) {
                for (int b = a + 1; b <= 8; b++) {
                    BufferedImage sa = Pictures.storedFor(reference, a);
                    BufferedImage sb = Pictures.storedFor(reference, b);
                    if (sa.getWidth() == sb.getWidth()) {
                        assertThat(Similarity.meanAbsDiff(sa, sb)).as("orientations %d and %d", a, b)
                                .isGreaterThan(30);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} picture, orientation {1}")
    @MethodSource("shapesAndOrientations")
    void fullSizeOutputLooksLikeOrientationOne(String shape, int orientation) {
        BufferedImage reference = reference(shape);
        byte[] jpeg = taggedJpeg(reference, orientation, ExifBlock.bigEndian());

        RenditionResult result = resizer.render(jpeg, Rendition.parse("full", "1000,png"));

        assertThat(result.width()).isEqualTo(reference.getWidth());
        assertThat(result.height()).isEqualTo(reference.getHeight());
        assertThat(Similarity.meanAbsDiff(Codecs.decode(result.bytes()), reference)).isLessThan(3.0);
    }

    @ParameterizedTest(name = "{0} picture, orientation {1}")
    @MethodSource("shapesAndOrientations")
    void resizedOutputLooksLikeOrientationOne(String shape, int orientation) {
        BufferedImage reference = reference(shape);
        byte[] jpeg = taggedJpeg(reference, orientation, ExifBlock.bigEndian());

        RenditionResult result = resizer.render(jpeg, Rendition.parse("small", "80x80,fit,jpeg,q95"));

        int w = reference.getWidth() > reference.getHeight() ? 80 : 50;
        int h = reference.getWidth() > reference.getHeight() ? 50 : 80;
        assertThat(result.width()).isEqualTo(w);
        assertThat(result.height()).isEqualTo(h);
        BufferedImage expected = Similarity.areaDownscale(reference, w, h);
        assertThat(Similarity.meanAbsDiff(Codecs.decode(result.bytes()), expected)).isLessThan(5.0);
    }

    @ParameterizedTest(name = "{0} picture, orientation {1}")
    @MethodSource("shapesAndOrientations")
    void coverCropIsCentredAsDisplayed(String shape, int orientation) {
        assertCoverCropCentred(shape, orientation, "60x60,cover,png");
    }

    /** The same through the YCbCr planes (JPEG in, JPEG out): Y and the half-size chroma cropped alike. */
    @ParameterizedTest(name = "{0} picture, orientation {1}")
    @MethodSource("shapesAndOrientations")
    void coverCropOfJpegPlanesIsCentredAsDisplayed(String shape, int orientation) {
        assertCoverCropCentred(shape, orientation, "60x60,cover,jpeg,q95");
    }

    private void assertCoverCropCentred(String shape, int orientation, String spec) {
        BufferedImage reference = reference(shape);
        byte[] jpeg = taggedJpeg(reference, orientation, ExifBlock.littleEndian());

        RenditionResult result = resizer.render(jpeg, Rendition.parse("square", spec));

        assertThat(result.width()).isEqualTo(60);
        assertThat(result.height()).isEqualTo(60);
        BufferedImage centre = reference.getWidth() > reference.getHeight()
                ? reference.getSubimage(30, 0, 100, 100) : reference.getSubimage(0, 30, 100, 100);
        BufferedImage expected = Similarity.areaDownscale(centre, 60, 60);
        assertThat(Similarity.meanAbsDiff(Codecs.decode(result.bytes()), expected)).isLessThan(5.0);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {2, 3, 6, 8})
    void pngWithExifChunkIsOriented(int orientation) {
        BufferedImage stored = Pictures.storedFor(WIDE, orientation);
        byte[] png = PngChunks.insertAfterHeader(Codecs.png(stored),
                PngChunks.exif(ExifBlock.bigEndian().orientation(orientation).toTiff()));

        RenditionResult result = resizer.render(png, Rendition.parse("full", "1000,png"));

        assertThat(Similarity.meanAbsDiff(Codecs.decode(result.bytes()), WIDE)).isLessThan(1.0);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 4, 5, 6, 7})
    void tiffOrientationTagIsAppliedOnce(int orientation) {
        byte[] tiff = TiffFiles.rgb(Pictures.storedFor(TALL, orientation), orientation);
        assertThat(resizer.inspect(tiff).orientation()).isEqualTo(orientation);

        RenditionResult result = resizer.render(tiff, Rendition.parse("full", "1000,png"));

        assertThat(Similarity.meanAbsDiff(Codecs.decode(result.bytes()), TALL)).isLessThan(1.0);
    }

    @Test
    void webpWithExifChunkIsOriented() {
        byte[] webp = Codecs.resource("patches-orientation-6.webp");
        assertThat(resizer.inspect(webp).orientation()).isEqualTo(6);

        BufferedImage out = Codecs.decode(resizer.render(webp, Rendition.parse("full", "1000,png")).bytes());

        BufferedImage turned = Pictures.patches(64, 64, 0xF0DC3C, 0xC83C28, 0x5A5A5A, 0x2878C8);
        assertThat(Similarity.meanAbsDiff(out, turned)).isLessThan(3);
    }

    private static BufferedImage reference(String shape) {
        return shape.equals("wide") ? WIDE : TALL;
    }

    private static byte[] taggedJpeg(BufferedImage reference, int orientation, ExifBlock exif) {
        byte[] jpeg = Codecs.jpeg(Pictures.storedFor(reference, orientation), 95);
        return JpegSegments.insert(jpeg, JpegSegments.exif(exif.orientation(orientation).make("TestCam").toTiff()));
    }
}
