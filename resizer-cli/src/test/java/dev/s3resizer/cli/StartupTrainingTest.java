package dev.s3resizer.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's training run must resize every file it makes, or the cache would miss their paths. */
class StartupTrainingTest {

    @Test
    void resizesEveryGeneratedFile() throws Exception {
        assertThat(StartupTraining.run()).isZero();
    }
}
