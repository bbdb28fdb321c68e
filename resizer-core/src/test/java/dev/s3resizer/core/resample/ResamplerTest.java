package dev.s3resizer.core.resample;

import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.Rasters;
import dev.s3resizer.core.fixture.Similarity;
import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.function.IntBinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Resampling quality, measured: a zone plate's frequencies above the new Nyquist limit must turn
 * to flat gray (less aliasing than an exact area average), frequencies well below it must survive,
 * detail must not shift, and transparent pixels must not darken edges.
 */
class ResamplerTest {

    private static final int PLATE = 512;
    private static final BufferedImage ZONE_PLATE = Pictures.zonePlate(PLATE);

    /**
     * Stopband: output pixels whose source radius has a local frequency over 1.6 times the new
     * Nyquist limit, up to radius 250 (the plate's own limit). Ideal output there is 127.5.
     * Pure Lanczos (factor under 4) stays within 2 levels RMS; with the 2x2 box pre-reduction
     * (factor 4 and up) near-Nyquist source detail folds back, still well under the area average.
     */
    @ParameterizedTest(name = "512 -> {0}")
    @CsvSource({"200, 2.0", "128, 8.5", "100, 6.0", "77, 6.0"})
    void zonePlateAliasesLessThanAnAreaAverage(int out, double maxRms) {
        Pixels result = Resampler.resample(Rasters.toPixels(ZONE_PLATE, 1), new Plan(0, 0, PLATE, PLATE, out, out));
        BufferedImage area = Similarity.areaDownscale(ZONE_PLATE, out, out);
        double nyquistRadius = PLATE / 2.0 / ((double) PLATE / out);

        double lanczos = rmsFromGray(out, 1.6 * nyquistRadius, 250, (x, y) -> result.data()[y * out + x] & 0xFF);
        double average = rmsFromGray(out, 1.6 * nyquistRadius, 250, (x, y) -> Similarity.rgb(area, x, y)[0]);

        assertThat(lanczos).isLessThan(maxRms);
        assertThat(lanczos).isLessThan(0.8 * average);
    }

    /** Passband: where the local frequency is under half the new Nyquist limit the plate survives. */
    @ParameterizedTest(name = "512 -> {0}")
    @ValueSource(ints = {200, 128, 100, 77})
    void zonePlateKeepsLowFrequencies(int out) {
        Pixels result = Resampler.resample(Rasters.toPixels(ZONE_PLATE, 1), new Plan(0, 0, PLATE, PLATE, out, out));
        double f = (double) PLATE / out;
        double sum = 0;
        int n = 0;
        for (int y = 0; y < out; y++) {
            for (int x = 0; x < out; x++) {
                double r = Math.hypot((x + 0.5) * f - PLATE / 2.0, (y + 0.5) * f - PLATE / 2.0);
                if (r <= 0.5 * PLATE / 2.0 / f) {
                    double ideal = 127.5 + 127.5 * Math.cos(Math.PI * r * r / PLATE);
                    double d = (result.data()[y * out + x] & 0xFF) - ideal;
                    sum += d * d;
                    n++;
                }
            }
        }
        assertThat(10 * Math.log10(255 * 255 / (sum / n))).as("PSNR in dB").isGreaterThan(35);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"330, 100", "400, 100", "512, 77", "101, 50"})
    void onePixelCheckerboardBecomesFlatGray(int in, int out) {
        Pixels board = Rasters.toPixels(Pictures.checkerboard(in, in, 1), 1);

        Pixels result = Resampler.resample(board, new Plan(0, 0, in, in, out, out));

        for (byte v : result.data()) {
            assertThat(Math.abs((v & 0xFF) - 127.5)).isLessThanOrEqualTo(4);
        }
    }

    @ParameterizedTest(name = "400x300 -> {0}x{1}")
    @CsvSource({"133, 100", "100, 75", "57, 43", "399, 299"})
    void smoothDetailMatchesTheAreaAverageWithoutShift(int w, int h) {
        BufferedImage waves = Pictures.waves(400, 300);

        Pixels result = Resampler.resample(Rasters.toPixels(waves, 3), new Plan(0, 0, 400, 300, w, h));

        assertThat(Similarity.psnr(Rasters.toImage(result), Similarity.areaDownscale(waves, w, h))).isGreaterThan(36);
    }

    @ParameterizedTest(name = "200 -> {0}")
    @ValueSource(ints = {37, 64, 99, 150})
    void transparentNeighboursDoNotDarkenEdges(int out) {
        BufferedImage image = Pictures.filled(200, 200, 0x00000000);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 100; x++) {
                image.setRGB(x, y, 0xFFFFFFFF);
            }
        }
        Pixels result = Resampler.resample(Rasters.toPixels(image, 4), new Plan(0, 0, 200, 200, out, out));

        byte[] d = result.data();
        int partial = 0;
        for (int i = 0; i < d.length; i += 4) {
            int a = d[i + 3] & 0xFF;
            if (a > 8) {
                assertThat(d[i] & 0xFF).as("red where alpha is %d", a).isGreaterThanOrEqualTo(250);
                assertThat(d[i + 1] & 0xFF).isGreaterThanOrEqualTo(250);
                assertThat(d[i + 2] & 0xFF).isGreaterThanOrEqualTo(250);
            }
            partial += a > 8 && a < 247 ? 1 : 0;
        }
        assertThat(partial).as("the edge has partly transparent pixels").isPositive();
    }

    @Test
    void colouredEdgeKeepsItsHueOverTransparentOfAnotherColour() {
        BufferedImage image = Pictures.filled(90, 90, 0x0000FF00);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 45; x++) {
                image.setRGB(x, y, 0xFFC83C28);
            }
        }
        Pixels result = Resampler.resample(Rasters.toPixels(image, 4), new Plan(0, 0, 90, 90, 17, 17));

        byte[] d = result.data();
        for (int i = 0; i < d.length; i += 4) {
            if ((d[i + 3] & 0xFF) > 16) {
                assertThat(d[i + 1] & 0xFF).as("green bleeding in").isLessThanOrEqualTo(70);
            }
        }
    }

    @Test
    void centredCropTakesTheMiddleOfTheSource() {
        BufferedImage ramp = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 400; x++) {
            for (int y = 0; y < 100; y++) {
                ramp.setRGB(x, y, (x * 255 / 399) << 16);
            }
        }
        Plan plan = Geometry.plan(400, 100, dev.s3resizer.core.Rendition.parse("c", "50x50,cover"));

        BufferedImage out = Rasters.toImage(Resampler.resample(Rasters.toPixels(ramp, 3), plan));

        assertThat(out.getWidth()).isEqualTo(50);
        int left = Similarity.rgb(out, 0, 25)[0];
        int right = Similarity.rgb(out, 49, 25)[0];
        assertThat(left).isBetween(95, 100);
        assertThat(right).isBetween(155, 160);
        assertThat(left + right).isBetween(253, 257);
    }

    @Test
    void identityPlanCopiesAndNeverTouchesTheInput() {
        Pixels source = Rasters.toPixels(Pictures.asymmetric(40, 30), 3);
        byte[] before = source.data().clone();

        Pixels same = Resampler.resample(source, new Plan(0, 0, 40, 30, 40, 30));
        Resampler.resample(source, new Plan(0, 0, 40, 30, 13, 9));

        assertThat(same.data()).isEqualTo(before).isNotSameAs(source.data());
        assertThat(source.data()).isEqualTo(before);
    }

    /**
     * Halving in the filter against filtering to the full size and then averaging pairs of the
     * output: within one level (one rounding instead of two), pairs taken from the end asked,
     * the odd sample alone.
     */
    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}, across {4}, down {5}")
    @CsvSource({"120, 90, 67, 45, PAIRS_FROM_START, PAIRS_FROM_END", "120, 90, 67, 45, PAIRS_FROM_END, NONE",
            "90, 120, 45, 67, NONE, PAIRS_FROM_START", "64, 48, 33, 33, PAIRS_FROM_END, PAIRS_FROM_END",
            "50, 40, 50, 40, PAIRS_FROM_START, PAIRS_FROM_START"})
    void halvingInTheFilterMatchesAveragingTheOutputInPairs(int w, int h, int outW, int outH, Resampler.Halving across,
                                                            Resampler.Halving down) {
        Pixels source = Rasters.toPixels(Pictures.asymmetric(w, h), 3);
        Plan plan = new Plan(0, 0, w, h, outW, outH);
        Pixels full = Resampler.resample(source, plan);

        Pixels halved = Resampler.resample(source, plan, across, down);

        int[] xs = pairs(outW, across);
        int[] ys = pairs(outH, down);
        assertThat(halved.width()).isEqualTo(xs.length / 2);
        assertThat(halved.height()).isEqualTo(ys.length / 2);
        int compared = 0;
        for (int y = 0; y < halved.height(); y++) {
            for (int x = 0; x < halved.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    boolean clipped = false;
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            int v = full.data()[(ys[2 * y + i] * outW + xs[2 * x + j]) * 3 + c] & 0xFF;
                            sum += v;
                            clipped |= v == 0 || v == 255;
                        }
                    }
                    if (clipped) {
                        continue; // the full-size output lost its overshoot there, the halved one did not
                    }
                    compared++;
                    assertThat(halved.data()[(y * halved.width() + x) * 3 + c] & 0xFF)
                            .as("(%d, %d) channel %d", x, y, c).isCloseTo((int) Math.round(sum / 4), within(1));
                }
            }
        }
        assertThat(compared).isGreaterThan(halved.width() * halved.height() * 3 / 2);
    }

    /** For each output along an axis of {@code n}: the two full-size samples it averages (one twice when alone). */
    private static int[] pairs(int n, Resampler.Halving halving) {
        if (halving == Resampler.Halving.NONE) {
            int[] same = new int[2 * n];
            for (int i = 0; i < n; i++) {
                same[2 * i] = same[2 * i + 1] = i;
            }
            return same;
        }
        int m = (n + 1) / 2;
        int skew = halving == Resampler.Halving.PAIRS_FROM_END && n % 2 == 1 ? 1 : 0;
        int[] members = new int[2 * m];
        for (int k = 0; k < m; k++) {
            members[2 * k] = Math.max(0, 2 * k - skew);
            members[2 * k + 1] = Math.min(n - 1, 2 * k + 1 - skew);
        }
        return members;
    }

    private static double rmsFromGray(int out, double minRadius, double maxRadius, IntBinaryOperator value) {
        double f = (double) PLATE / out;
        double sum = 0;
        int n = 0;
        for (int y = 0; y < out; y++) {
            for (int x = 0; x < out; x++) {
                double r = Math.hypot((x + 0.5) * f - PLATE / 2.0, (y + 0.5) * f - PLATE / 2.0);
                if (r >= minRadius && r <= maxRadius) {
                    double d = value.applyAsInt(x, y) - 127.5;
                    sum += d * d;
                    n++;
                }
            }
        }
        return Math.sqrt(sum / n);
    }

    @Test
    void windowPastTheEdgeTakesTheEdgeSampleInsteadOfNothing() {
        Kernel k = Kernel.lanczos3(10, 14.0, 3.0, 2);

        for (int i = 0; i < 2; i++) {
            assertThat(k.count[i]).isEqualTo(1);
            assertThat(k.start[i]).isEqualTo(9);
            assertThat(k.weights[i * k.taps]).isEqualTo(1f);
        }
    }
}
