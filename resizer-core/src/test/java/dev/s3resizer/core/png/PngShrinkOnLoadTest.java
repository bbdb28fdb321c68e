package dev.s3resizer.core.png;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import dev.s3resizer.core.resample.BoxReduce;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The box reduction {@link PngDecoder} fuses with decoding when the pipeline asks for much less
 * than the stored size: the same pixels as decoding in full and reducing with {@link BoxReduce},
 * edge blocks included; translucent and interlaced files decode in full.
 */
class PngShrinkOnLoadTest {

    @ParameterizedTest(name = "colour type {0}, {1}x{2} asked {3}x{4}")
    @CsvSource({"2, 301, 203, 50, 40, 4, 3", "0, 301, 203, 50, 40, 4, 3", "3, 97, 64, 10, 64, 7, 1",
            "2, 97, 64, 97, 10, 1, 4", "0, 16, 16, 4, 4, 3, 3", "2, 5, 5, 1, 1, 3, 3"})
    void sameAsDecodingInFullThenBoxReducing(int colourType, int width, int height, int askWidth, int askHeight,
                                             int fx, int fy) {
        byte[] png = PngWriter.of(width, height, colourType, 8).filter(PngWriter.EVERY).write();
        ImageInfo info = ImageProbe.probe(png);

        Pixels shrunk = new PngDecoder().decode(png, info, new DecodeRequest(askWidth, askHeight, false)).pixels();
        Pixels full = new PngDecoder().decode(png, info, 1, 1).pixels();
        Pixels expected = BoxReduce.reduce(full, fx, fy);

        assertThat(shrunk.width()).isEqualTo(expected.width());
        assertThat(shrunk.height()).isEqualTo(expected.height());
        assertThat(shrunk.width()).isGreaterThanOrEqualTo(askWidth);
        assertThat(shrunk.height()).isGreaterThanOrEqualTo(askHeight);
        assertThat(Arrays.mismatch(shrunk.data(), expected.data())).as("first byte that differs").isEqualTo(-1);
    }

    @ParameterizedTest(name = "colour type {0}")
    @CsvSource({"6", "4"})
    void translucentImagesDecodeInFull(int colourType) {
        byte[] png = PngWriter.of(301, 203, colourType, 8).write();
        ImageInfo info = ImageProbe.probe(png);

        Pixels pixels = new PngDecoder().decode(png, info, new DecodeRequest(30, 20, false)).pixels();

        assertThat(pixels.width()).isEqualTo(301);
        assertThat(pixels.height()).isEqualTo(203);
    }
}
