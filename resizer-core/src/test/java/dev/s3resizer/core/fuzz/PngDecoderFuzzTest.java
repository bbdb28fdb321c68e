package dev.s3resizer.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.png.PngDecoder;
import dev.s3resizer.core.probe.ImageProbe;

import static org.assertj.core.api.Assertions.assertThat;

/** Our PNG decoder alone, without the ImageIO fallback that would hide its internal errors. */
class PngDecoderFuzzTest {

    private static final PngDecoder DECODER = new PngDecoder();

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] data) {
        try {
            ImageInfo info = ImageProbe.probe(data);
            if (info.format() != ImageFormat.PNG) {
                return;
            }
            FuzzOutcomes.LIMITS.check(info, data.length);
            Decoded decoded = DECODER.decode(data, info, 1, 1);
            assertThat(decoded.pixels().width()).isEqualTo(info.width());
            assertThat(decoded.pixels().height()).isEqualTo(info.height());
        } catch (ResizerException e) {
            FuzzOutcomes.allowed(e);
        }
    }
}
