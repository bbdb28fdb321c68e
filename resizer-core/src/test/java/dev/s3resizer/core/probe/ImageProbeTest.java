package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.fixture.Codecs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading headers from bytes alone: format, size, frames, orientation, colour hints. */
class ImageProbeTest {

    /**
     * Bug: out-of-range reads return -1, which the WebP probe masked into 16383x16383, so a cut
     * WebP was refused as "268 MP, over the limit" instead of reported as truncated.
     */
    @ParameterizedTest
    @CsvSource({"patches-lossy.webp, 30", "half-transparent-lossless.webp, 25"})
    void regressionTruncatedWebpWasReportedAsTooLarge(String name, int sizeFieldsEnd) {
        byte[] webp = Codecs.resource(name);
        for (int length = 12; length < sizeFieldsEnd; length++) {
            byte[] cut = Arrays.copyOf(webp, length);
            assertThatThrownBy(() -> ImageProbe.probe(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(CorruptImageException.class)
                    .hasMessageContaining("WebP");
        }
    }
}
