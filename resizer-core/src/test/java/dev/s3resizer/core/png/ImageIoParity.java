package dev.s3resizer.core.png;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes a PNG with {@link PngDecoder} and with ImageIO and expects the very same pixels: PNG is
 * lossless, so the two decoders must agree exactly, channel layout included.
 *
 * <p>{@code Decoded ours = ImageIoParity.assertSame(png);}
 */
final class ImageIoParity {

    private ImageIoParity() {
    }

    static Decoded assertSame(byte[] png) {
        ImageInfo info = ImageProbe.probe(png);
        Decoded ours = new PngDecoder().decode(png, info, 1, 1);
        Decoded theirs = new ImageIoDecoder().decode(png, info, 1, 1);
        assertSame(ours.pixels(), theirs.pixels());
        return ours;
    }

    static void assertSame(Pixels ours, Pixels theirs) {
        assertThat(ours.width()).as("width").isEqualTo(theirs.width());
        assertThat(ours.height()).as("height").isEqualTo(theirs.height());
        assertThat(ours.channels()).as("channels").isEqualTo(theirs.channels());
        int mismatch = Arrays.mismatch(ours.data(), theirs.data());
        if (mismatch >= 0) {
            int pixel = mismatch / ours.channels();
            int at = pixel * ours.channels();
            assertThat(Arrays.copyOfRange(ours.data(), at, at + ours.channels()))
                    .as("pixel (%d, %d)", pixel % ours.width(), pixel / ours.width())
                    .isEqualTo(Arrays.copyOfRange(theirs.data(), at, at + ours.channels()));
        }
        assertThat(mismatch).as("first byte that differs from ImageIO's").isEqualTo(-1);
    }
}
