package dev.s3resizer.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.jpeg.ScaledJpegDecoder;
import dev.s3resizer.core.probe.ImageProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our JPEG decoder alone, without the ImageIO fallback that would hide its internal errors, at a
 * scale and in a layout (pixels or YCbCr planes) the input's last bytes choose.
 */
class JpegDecoderFuzzTest {

    private static final ScaledJpegDecoder DECODER = new ScaledJpegDecoder();

    @FuzzTest(maxDuration = "5m")
    void decode(FuzzedDataProvider in) {
        int eighths = in.consumeInt(1, 8);
        boolean planes = in.consumeBoolean();
        byte[] data = in.consumeRemainingAsBytes();
        try {
            ImageInfo info = ImageProbe.probe(data);
            if (info.format() != ImageFormat.JPEG) {
                return;
            }
            FuzzOutcomes.LIMITS.check(info, data.length);
            Decoded decoded = DECODER.decode(data, info, new DecodeRequest(
                    Math.max(1, info.width() * eighths / 8), Math.max(1, info.height() * eighths / 8), planes));
            if (decoded.ycc() != null) {
                assertThat(decoded.ycc().y().width()).isPositive();
                DECODER.release(info, decoded);
            } else {
                assertThat(decoded.pixels().width()).isPositive();
            }
        } catch (ResizerException e) {
            FuzzOutcomes.allowed(e);
        }
    }
}
