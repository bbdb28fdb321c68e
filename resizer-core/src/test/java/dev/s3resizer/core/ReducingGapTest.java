package dev.s3resizer.core;

import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.encode.ImageIoPngEncoder;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.jpeg.encode.JpegEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reducing gap decides how small shrink-on-load may decode, as Pillow's and libvips' do. */
class ReducingGapTest {

    private static final byte[] PHOTO = Codecs.jpeg(Pictures.waves(2000, 1500), 90);

    private static List<Integer> requestedWidths(double gap, String spec) {
        List<Integer> widths = new ArrayList<>();
        Decoder spy = new Decoder() {
            private final ImageIoDecoder real = new ImageIoDecoder();

            @Override
            public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
                widths.add(minWidth);
                return real.decode(data, info, minWidth, minHeight);
            }
        };
        new ImageResizer(Limits.DEFAULT, gap, spy, new JpegEncoder(), new ImageIoPngEncoder())
                .render(PHOTO, Rendition.parse("r", spec));
        return widths;
    }

    @Test
    void defaultGapLeavesTheFilterOneAndAHalfTimesTheOutput() {
        assertThat(requestedWidths(ImageResizer.DEFAULT_REDUCING_GAP, "400")).containsExactly(600);
    }

    @Test
    void gapOfOneDecodesAsSmallAsTheOutput() {
        assertThat(requestedWidths(1, "400")).containsExactly(400);
    }

    @Test
    void neverAsksForMoreThanTheSource() {
        assertThat(requestedWidths(2, "1500")).containsExactly(2000);
    }

    @Test
    void gapOutsideOneToEightIsRefused() {
        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reducingGap");
    }
}
