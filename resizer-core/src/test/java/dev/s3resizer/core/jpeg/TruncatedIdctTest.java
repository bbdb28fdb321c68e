package dev.s3resizer.core.jpeg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixed-point truncated IDCTs against their definition evaluated in double precision: the
 * block's cosine series over its N lowest frequencies per axis, sampled at the centres of N
 * pixels, level-shifted and clamped. Random blocks with the energy spread of real ones, holding
 * only the frequencies kept (the decoders send the others to a sink).
 */
class TruncatedIdctTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"3,3", "5,5", "6,6", "7,7", "6,3", "3,6", "5,7", "3,2", "2,3"})
    void matchesTheFormulaWithinOneLevel(int w, int h) {
        Random random = new Random(w * 31L + h);
        int[] quant = new int[64];
        for (int i = 0; i < 64; i++) {
            quant[i] = 1 + random.nextInt(12);
        }
        int[] matrixW = TruncatedIdct.matrix(w);
        int[] matrixH = TruncatedIdct.matrix(h);
        int[] work = new int[72];
        for (int trial = 0; trial < 500; trial++) {
            int[] block = new int[64 + 2];
            for (int i = 0; i < 64; i++) {
                int u = i % 8;
                int v = i / 8;
                int spread = 300 / (1 + u + v);
                block[i] = i == 0 ? random.nextInt(200) - 100 : random.nextInt(2 * spread + 1) - spread;
                if (random.nextInt(3) == 0 || u >= w || v >= h) {
                    block[i] = 0;
                }
            }
            int[] coefficients = block.clone();
            byte[] out = new byte[8 * 8];
            if (w == 3 && h == 3) {
                TruncatedIdct.idct3(coefficients, 0, TruncatedIdct.weights(quant, 3, 3), out, 0, 8);
            } else if (w == 3 && h == 2) {
                TruncatedIdct.idct3x2(coefficients, 0, TruncatedIdct.weights(quant, 3, 2), out, 0, 8);
            } else if (w == 2 && h == 3) {
                TruncatedIdct.idct2x3(coefficients, 0, TruncatedIdct.weights(quant, 2, 3), out, 0, 8);
            } else if (w == h && w == 5 && trial % 2 == 0) {
                TruncatedIdct.idct5(coefficients, 0, TruncatedIdct.floatWeights(quant), new float[40], out, 0, 8);
            } else if (w == h && w == 6 && trial % 2 == 0) {
                TruncatedIdct.idct6(coefficients, 0, 64, quant, work, out, 0, 8);
            } else {
                TruncatedIdct.idct(coefficients, 0, 64, quant, matrixW, w, matrixH, h, work, out, 0, 8);
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertThat(out[y * 8 + x] & 0xFF).as("trial %d pixel %d,%d", trial, x, y)
                            .isCloseTo(expected(block, quant, x, y, w, h), org.assertj.core.data.Offset.offset(1));
                }
            }
            for (int i = 0; i < 64; i++) {
                assertThat(coefficients[i]).as("coefficient %d cleared", i).isZero();
            }
        }
    }

    private static int expected(int[] block, int[] quant, int x, int y, int w, int h) {
        double sum = 0;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                double cu = u == 0 ? Math.sqrt(0.5) : 1;
                double cv = v == 0 ? Math.sqrt(0.5) : 1;
                sum += 0.25 * cu * cv * block[v * 8 + u] * quant[v * 8 + u]
                        * Math.cos((2 * x + 1) * u * Math.PI / (2 * w)) * Math.cos((2 * y + 1) * v * Math.PI / (2 * h));
            }
        }
        return (int) Math.max(0, Math.min(255, Math.round(sum + 128)));
    }
}
