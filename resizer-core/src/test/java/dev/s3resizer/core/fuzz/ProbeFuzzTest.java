package dev.s3resizer.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.probe.ImageProbe;

import static org.assertj.core.api.Assertions.assertThat;

/** The header probe on any bytes: an {@link ImageInfo} with a positive size, or one of our exceptions. */
class ProbeFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void probe(byte[] data) {
        try {
            ImageInfo info = ImageProbe.probe(data);
            assertThat(info.width()).isPositive();
            assertThat(info.height()).isPositive();
            assertThat(info.orientation()).isBetween(1, 8);
        } catch (ResizerException e) {
            FuzzOutcomes.allowed(e);
        }
    }
}
