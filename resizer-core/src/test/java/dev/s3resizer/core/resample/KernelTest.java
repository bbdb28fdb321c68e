package dev.s3resizer.core.resample;

import org.junit.jupiter.api.Test;

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
}
