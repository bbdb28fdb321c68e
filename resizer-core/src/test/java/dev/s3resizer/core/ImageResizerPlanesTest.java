package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.ExifBlock;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.Similarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JPEG renditions made through the YCbCr planes (every rendition a baseline JPEG) are as close to
 * the picture as the same renditions made from RGB pixels (a PNG rendition alongside sends every
 * one through RGB) with the same encoder. Outputs of odd width and height are the point: the last
 * 4:2:0 chroma sample of an odd side then holds only the edge pixel (the encoder repeats it), on
 * the side the picture is displayed last, whatever the EXIF orientation. The picture has colour
 * edges near its right and bottom ends, where chroma stretched onto the odd size misplaces them
 * (about 13 against 9 mean abs diff there), also when the rendition cascades from a larger one.
 */
class ImageResizerPlanesTest {

    private static final int ORANGE = 0xC06020;
    private static final int BLUE = 0x2080F0;

    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    static Stream<Arguments> renditions() {
        List<Arguments> cases = new ArrayList<>();
        for (int orientation = 1; orientation <= 8; orientation++) {
            cases.add(Arguments.of(99, 67, "1000,jpeg,q100", orientation));
            cases.add(Arguments.of(198, 134, "99x67,jpeg,q100", orientation));
            cases.add(Arguments.of(210, 134, "99x67,cover,jpeg,q100", orientation));
            cases.add(Arguments.of(396, 268, "202x136,jpeg,q100 then 99x67,jpeg,q100", orientation));
        }
        return cases.stream();
    }

    static Stream<Arguments> tinyRenditions() {
        List<Arguments> cases = new ArrayList<>();
        for (int orientation = 1; orientation <= 8; orientation++) {
            for (String spec : List.of("1", "1x50,cover", "3", "3x5,cover", "5x3,cover", "7")) {
                cases.add(Arguments.of(spec, orientation));
            }
        }
        return cases.stream();
    }

    @Test
    void fixtureColourEdgesDifferInChromaNotInLuma() {
        BufferedImage picture = edges(99, 67);
        int[] a = Similarity.rgb(picture, 0, 0);
        int[] b = Similarity.rgb(picture, 98, 0);

        assertThat(Similarity.distance(a, b)).isGreaterThan(100);
        assertThat(Math.abs(luma(a) - luma(b))).isLessThan(10);
    }

    /**
     * Each of {@code specs} ("a then b": b cascades from a) rendered through the planes and through
     * RGB; the last one, 99x67, compared with the picture area-averaged to that size.
     */
    @ParameterizedTest(name = "{0}x{1} as {2}, orientation {3}")
    @MethodSource("renditions")
    void planesAreAsCloseToThePictureAsRgbAtTheOddEnds(int width, int height, String specs, int orientation) {
        BufferedImage display = edges(width, height);
        byte[] jpeg = taggedJpeg(display, orientation);
        List<Rendition> renditions = new ArrayList<>();
        for (String spec : specs.split(" then ")) {
            renditions.add(Rendition.parse("r" + renditions.size(), spec));
        }
        int last = renditions.size() - 1;

        BufferedImage planes = Codecs.decode(resizer.render(jpeg, renditions).get(last).bytes());
        renditions.add(Rendition.parse("rgb", "50,png"));
        BufferedImage rgb = Codecs.decode(resizer.render(jpeg, renditions).get(last).bytes());

        assertThat(new int[] {planes.getWidth(), planes.getHeight()}).containsExactly(99, 67);
        int factor = width / 99;
        BufferedImage expected = Similarity.areaDownscale(display.getSubimage((width - 99 * factor) / 2,
                (height - 67 * factor) / 2, 99 * factor, 67 * factor), 99, 67);
        assertThat(difference(planes, expected, 0, 0, 99, 67)).as("whole picture")
                .isLessThan(difference(rgb, expected, 0, 0, 99, 67) + 0.5);
        assertThat(difference(planes, expected, 84, 0, 15, 67)).as("right end")
                .isLessThan(difference(rgb, expected, 84, 0, 15, 67) + 1);
        assertThat(difference(planes, expected, 0, 54, 99, 13)).as("bottom end")
                .isLessThan(difference(rgb, expected, 0, 54, 99, 13) + 1);
    }

    /**
     * A few pixels a side, where one chroma sample is a third of the picture: orange left of the
     * middle, blue right of it, as RGB makes it (about 20 mean abs diff when stretched).
     */
    @ParameterizedTest(name = "{0}, orientation {1}")
    @MethodSource("tinyRenditions")
    void tinyOddSidesGetTheColoursRgbGives(String spec, int orientation) {
        byte[] jpeg = taggedJpeg(Pictures.patches(400, 300, ORANGE, BLUE, ORANGE, BLUE), orientation);
        Rendition rendition = Rendition.parse("tiny", spec + ",jpeg,q100");

        BufferedImage planes = Codecs.decode(resizer.render(jpeg, rendition).bytes());
        BufferedImage rgb = Codecs.decode(resizer.render(jpeg, List.of(rendition, Rendition.parse("rgb", "9,png")))
                .getFirst().bytes());

        assertThat(Similarity.meanAbsDiff(planes, rgb)).isLessThan(2.5);
    }

    private static double difference(BufferedImage a, BufferedImage b, int x, int y, int width, int height) {
        return Similarity.meanAbsDiff(a.getSubimage(x, y, width, height), b.getSubimage(x, y, width, height));
    }

    /**
     * Orange and blue of about the same luma, swapped from 10/11 of the width and from 9/10 of
     * the height on: colour edges on even columns and rows, so 4:2:0 chroma can hold them exactly.
     */
    private static BufferedImage edges(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int edgeX = width * 10 / 11 & ~1;
        int edgeY = height * 9 / 10 & ~1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x >= edgeX) ^ (y >= edgeY) ? BLUE : ORANGE);
            }
        }
        return image;
    }

    private static int luma(int[] rgb) {
        return (int) Math.round(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]);
    }

    private static byte[] taggedJpeg(BufferedImage display, int orientation) {
        byte[] jpeg = Codecs.jpeg(Pictures.storedFor(display, orientation), 100);
        return JpegSegments.insert(jpeg, JpegSegments.exif(ExifBlock.bigEndian().orientation(orientation).toTiff()));
    }
}
