package dev.s3resizer.core.warmup;

import dev.s3resizer.core.resample.Simd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up renders every sample every round (a failure would leave the vector code cold) and runs only when asked. */
class VectorWarmUpTest {

    @Test
    void rendersEverySampleEveryRound() {
        assertThat(VectorWarmUp.run()).isEqualTo(2 * VectorWarmUp.ROUNDS);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void startsOnlyWithTheVectorApiAndUnlessTurnedOff() throws InterruptedException {
        assertThat(Simd.enabled()).as("the tests run with --add-modules=jdk.incubator.vector").isTrue();
        String before = System.getProperty("resizer.warmup");
        System.setProperty("resizer.warmup", "false");
        try {
            assertThat(VectorWarmUp.start()).isNull();
        } finally {
            if (before == null) {
                System.clearProperty("resizer.warmup");
            } else {
                System.setProperty("resizer.warmup", before);
            }
        }
        Thread thread = VectorWarmUp.start();
        assertThat(thread).isNotNull();
        assertThat(thread.isDaemon()).isTrue();
        thread.join();
    }
}
