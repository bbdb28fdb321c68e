package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class KernelTest {

    @Test
    void tabulatedLanczosStaysWithinTwoMillionthsOfTheFormula() {
        double worst = 0;
        for (int i = -400_000; i <= 400_000; i++) {
            double x = i * 1e-5 + 3e-7;
            worst = Math.max(worst, Math.abs(Kernel.lanczos(x) - Kernel.exact(x)));
        }
        assertThat(worst).isLessThan(2e-6);
        assertThat(Kernel.lanczos(0)).isEqualTo(1.0);
        assertThat(Kernel.lanczos(3)).isZero();
        assertThat(Kernel.lanczos(-3.5)).isZero();
        assertThat(Kernel.lanczos(Double.NaN)).isZero();
    }

    @Test
    void everyOutputsWeightsSumToOne() {
        Kernel k = Kernel.lanczos3(1512, 0, 1512, 1000);
        for (int i = 0; i < 1000; i++) {
            double sum = 0;
            for (int j = 0; j < k.count[i]; j++) {
                sum += k.weights[i * k.taps + j];
            }
            assertThat(sum).as("output %d", i).isCloseTo(1.0, offset(1e-5));
        }
    }

    /**
     * The vector path's lane count is what the run asked for: the build runs these tests a second
     * time on 128-bit vectors ({@code -XX:MaxVectorSize=16 -Dresizer.test.lanes=4}, as on arm64).
     */
    @Test
    void vectorPathHasTheLanesTheRunAskedFor() {
        assertThat(Simd.enabled()).as("the tests run with --add-modules=jdk.incubator.vector").isTrue();
        assertThat(VectorRows.LANES).isEqualTo(Integer.getInteger("resizer.test.lanes", 8));
    }

    /**
     * The vertical pass (taps four at a time, then one at a time; bytes to floats on the vector
     * path or in the scalar loop, rows 37 wide so that the widening's tail runs too) against its
     * weights in double precision, from one tap to dozens: within one level.
     */
    @ParameterizedTest(name = "{0} -> {1} down, {2} channels, vector path {3}")
    @CsvSource({"40, 40, 1, true", "40, 31, 1, true", "40, 20, 3, true", "40, 20, 1, false", "97, 13, 1, true",
            "97, 13, 3, false", "200, 9, 1, true", "7, 5, 1, true", "40, 20, 4, true", "97, 13, 4, false",
            "3, 2, 3, true"})
    void verticalPassMatchesTheWeightsInDoublePrecision(int in, int out, int channels, boolean simd) {
        Random random = new Random(in * 31L + out * 7L + channels);
        int width = 37;
        byte[] data = new byte[width * in * channels];
        random.nextBytes(data);
        Pixels source = new Pixels(width, in, channels, data);
        Kernel k = Kernel.lanczos3(in, 0, in, out);
        Pixels result = Pixels.allocate(width, out, channels);
        Passes.resample(source, k, Kernel.lanczos3(width, 0, width, width), result, simd);
        assertFollowsTheWeights(source, k, true, result);
    }

    /**
     * Every unrolled horizontal loop (8, 10, 12, 14, 16, 20 and 24 taps) and the vector path
     * (with its bytes-to-floats step for one channel, here over every byte value and rows shorter
     * than a vector) against the same weights applied in double precision, for one, three and four
     * channels (three and four stay interleaved on the vector path; no premultiplying here):
     * within one level.
     */
    @ParameterizedTest(name = "{0} -> {1} across, {2} channels, vector path {3}")
    @CsvSource({"300, 290, 1, false", "300, 290, 3, false", "300, 230, 1, false", "300, 200, 1, false",
            "300, 200, 3, false", "300, 180, 3, false", "300, 160, 1, false", "300, 140, 3, false",
            "300, 120, 1, false", "300, 100, 1, false", "300, 80, 1, false", "31, 20, 3, false",
            "300, 290, 1, true", "300, 200, 1, true", "300, 200, 3, true", "300, 140, 3, true", "300, 80, 1, true",
            "31, 20, 3, true", "5, 3, 1, true", "300, 299, 1, true", "300, 200, 4, true", "300, 140, 4, true",
            "31, 20, 4, true", "300, 200, 4, false", "5, 3, 3, true"})
    void horizontalPassesMatchTheWeightsInDoublePrecision(int in, int out, int channels, boolean simd) {
        if (simd) {
            assertThat(Simd.enabled()).as("the tests run with --add-modules=jdk.incubator.vector").isTrue();
        }
        Random random = new Random(in * 7919L + out * 31L + channels);
        int height = 9;
        byte[] data = new byte[in * height * channels];
        random.nextBytes(data);
        Pixels source = new Pixels(in, height, channels, data);
        Kernel k = Kernel.lanczos3(in, 0, in, out);
        Pixels result = Pixels.allocate(out, height, channels);
        Passes.resample(source, Kernel.lanczos3(height, 0, height, height), k, result, simd);
        assertFollowsTheWeights(source, k, false, result);
    }

    /**
     * Every pixel of {@code result} within one level of {@code k} applied to {@code source} in
     * double precision, down the columns or along the rows (the other axis unchanged).
     */
    private static void assertFollowsTheWeights(Pixels source, Kernel k, boolean down, Pixels result) {
        int c = source.channels();
        for (int y = 0; y < result.height(); y++) {
            for (int x = 0; x < result.width(); x++) {
                int at = down ? y : x;
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int j = 0; j < k.count[at]; j++) {
                        int sx = down ? x : k.start[at] + j;
                        int sy = down ? k.start[at] + j : y;
                        sum += (source.data()[(sy * source.width() + sx) * c + ch] & 0xFF) * k.weights[at * k.taps + j];
                    }
                    int expected = (int) Math.max(0, Math.min(255, Math.floor(sum + 0.5)));
                    int actual = result.data()[(y * result.width() + x) * c + ch] & 0xFF;
                    assertThat(actual).as("pixel %d,%d channel %d", x, y, ch).isCloseTo(expected, offset(1));
                }
            }
        }
    }
}
