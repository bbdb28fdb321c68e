package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.s3resizer.core.jpeg.PixelComparison.areaDownscale;
import static dev.s3resizer.core.jpeg.PixelComparison.imageIo;
import static dev.s3resizer.core.jpeg.PixelComparison.psnr;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes JPEGs of every coding variant the fast path claims and compares them with ImageIO
 * (TwelveMonkeys over the JDK codec): at full size they must be near-identical, at 1/2, 1/4 and
 * 1/8 close to ImageIO's full decode averaged down by the same factor.
 */
class ScaledJpegDecoderTest {

    /** Odd sizes, so the last MCU row and column are partial for every subsampling. */
    private static final int WIDTH = 301;
    private static final int HEIGHT = 203;
    private static final BufferedImage PICTURE = JpegFixtures.picture(WIDTH, HEIGHT, 42);
    private static final BufferedImage NOISE = noise(WIDTH, HEIGHT, 7);

    static Stream<Arguments> variants() {
        int[][] samplings = {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {4, 1}};
        String[] names = {"4:4:4", "4:2:2", "4:2:0", "4:4:0", "4:1:1"};
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < samplings.length; i++) {
            int h = samplings[i][0];
            int v = samplings[i][1];
            cases.add(Arguments.of(names[i] + " baseline", JpegFixtures.jpeg(PICTURE, h, v, false, 0, 0.9f)));
            cases.add(Arguments.of(names[i] + " progressive", JpegFixtures.jpeg(PICTURE, h, v, true, 0, 0.9f)));
            cases.add(Arguments.of(names[i] + " restart 5", JpegFixtures.jpeg(PICTURE, h, v, false, 5, 0.9f)));
        }
        cases.add(Arguments.of("4:2:0 progressive restart 3", JpegFixtures.jpeg(PICTURE, 2, 2, true, 3, 0.9f)));
        cases.add(Arguments.of("4:2:0 quality 100", JpegFixtures.jpeg(PICTURE, 2, 2, false, 0, 1f)));
        // Nearly every block codes a coefficient at position 63 and so has no end-of-block code:
        // a two-coefficient lookup there must not take bits of the next block.
        cases.add(Arguments.of("4:4:4 noise quality 100", JpegFixtures.jpeg(NOISE, 1, 1, false, 0, 1f)));
        cases.add(Arguments.of("4:2:0 quality 30", JpegFixtures.jpeg(PICTURE, 2, 2, false, 0, 0.3f)));
        cases.add(Arguments.of("4:2:0 one scan per component, restart every 5 blocks (jpegtran)",
                JpegFixtures.resource("separate-scans-restart.jpg")));
        BufferedImage gray = JpegFixtures.gray(PICTURE);
        cases.add(Arguments.of("gray baseline", JpegFixtures.jpeg(gray, 1, 1, false, 0, 0.9f)));
        cases.add(Arguments.of("gray progressive", JpegFixtures.jpeg(gray, 1, 1, true, 0, 0.9f)));
        cases.add(Arguments.of("gray restart 7", JpegFixtures.jpeg(gray, 1, 1, false, 7, 0.9f)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void fullSizeMatchesImageIo(String variant, byte[] jpeg) {
        Pixels ours = decode(jpeg, WIDTH, HEIGHT).pixels();
        Pixels reference = imageIo(jpeg);

        assertThat(ours.width()).isEqualTo(WIDTH);
        assertThat(ours.height()).isEqualTo(HEIGHT);
        assertThat(psnr(ours, reference)).as(variant).isGreaterThanOrEqualTo(45);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void scaledOutputMatchesImageIoDownscaled(String variant, byte[] jpeg) {
        Pixels reference = imageIo(jpeg);
        for (int d : new int[] {2, 4, 8}) {
            int w = (WIDTH + d - 1) / d;
            int h = (HEIGHT + d - 1) / d;
            Pixels ours = decode(jpeg, w, h).pixels();

            assertThat(ours.width()).as(variant + " at 1/" + d).isEqualTo(w);
            assertThat(ours.height()).as(variant + " at 1/" + d).isEqualTo(h);
            assertThat(psnr(ours, areaDownscale(reference, d))).as(variant + " at 1/" + d).isGreaterThanOrEqualTo(35);
        }
    }

    /**
     * ImageIO upsamples 4:2:0 and 4:2:2 chroma at full size with a triangle filter, which blurs
     * saturated colour edges; averaging that down keeps the blur. Decoding straight to 1/2 or 1/4
     * keeps the chroma as stored, so it must stay clearly closer to the picture that was encoded.
     */
    @ParameterizedTest(name = "{0}x{1} luma sampling")
    @org.junit.jupiter.params.provider.CsvSource({"2,1", "2,2"})
    void scaledChromaIsSharperThanImageIoDecodingThenDownscaling(int h, int v) {
        BufferedImage saturated = JpegFixtures.saturatedPicture(WIDTH, HEIGHT, 7);
        byte[] jpeg = JpegFixtures.jpeg(saturated, h, v, false, 0, 0.95f);
        Pixels original = PixelComparison.rgb(saturated);
        Pixels reference = imageIo(jpeg);
        for (int d : new int[] {2, 4}) {
            Pixels truth = areaDownscale(original, d);
            Pixels ours = decode(jpeg, (WIDTH + d - 1) / d, (HEIGHT + d - 1) / d).pixels();

            assertThat(psnr(ours, truth)).as("1/" + d)
                    .isGreaterThanOrEqualTo(psnr(areaDownscale(reference, d), truth) + 3);
        }
    }

    @Test
    void grayStaysOneChannelAndColourBecomesRgb() {
        BufferedImage gray = JpegFixtures.gray(PICTURE);

        assertThat(decode(JpegFixtures.jpeg(gray, 1, 1, false, 0, 0.9f), 1, 1).pixels().channels()).isEqualTo(1);
        assertThat(decode(JpegFixtures.jpeg(PICTURE, 2, 2, false, 0, 0.9f), 1, 1).pixels().channels()).isEqualTo(3);
    }

    @Test
    void picksTheSmallestScaleThatStillCoversTheRequest() {
        byte[] jpeg = JpegFixtures.jpeg(JpegFixtures.picture(400, 300, 1), 2, 2, false, 0, 0.9f);

        Pixels half = decode(jpeg, 120, 80).pixels();
        Pixels eighth = decode(jpeg, 50, 30).pixels();
        Pixels full = decode(jpeg, 201, 10).pixels();

        assertThat(new int[] {half.width(), half.height()}).containsExactly(200, 150);
        assertThat(new int[] {eighth.width(), eighth.height()}).containsExactly(50, 38);
        assertThat(new int[] {full.width(), full.height()}).containsExactly(400, 300);
    }

    @Test
    void largeImageWithManyMcuRowsMatchesImageIo() {
        BufferedImage big = JpegFixtures.picture(1203, 905, 9);
        byte[] jpeg = JpegFixtures.jpeg(big, 2, 2, false, 0, 0.92f);

        Pixels ours = decode(jpeg, 1203, 905).pixels();

        assertThat(psnr(ours, imageIo(jpeg))).isGreaterThanOrEqualTo(45);
    }

    static Decoded decode(byte[] jpeg, int minWidth, int minHeight) {
        ImageInfo info = ImageProbe.probe(jpeg);
        return new ScaledJpegDecoder().decode(jpeg, info, minWidth, minHeight);
    }

    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }
}
