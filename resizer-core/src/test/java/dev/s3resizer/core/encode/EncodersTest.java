package dev.s3resizer.core.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.Rasters;
import dev.s3resizer.core.fixture.Similarity;
import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the JPEG and PNG encoders write: frame type, chroma subsampling, quality, colour type. */
class EncodersTest {

    private static final BufferedImage PICTURE = Pictures.waves(160, 120);
    private final ImageIoJpegEncoder jpeg = new ImageIoJpegEncoder();
    private final ImageIoPngEncoder png = new ImageIoPngEncoder();

    @Test
    void baselineJpegWithFourTwoZeroChroma() {
        byte[] out = jpeg.encode(Rasters.toPixels(PICTURE, 3), Rendition.parse("r", "1000,q80"));

        int sof = JpegSegments.find(out, 0xC0, 2);
        assertThat(sof).as("baseline SOF0").isPositive();
        assertThat(out[sof + 9]).as("components").isEqualTo((byte) 3);
        assertThat(out[sof + 11]).as("Y sampling 2x2").isEqualTo((byte) 0x22);
        assertThat(out[sof + 14]).as("Cb sampling 1x1").isEqualTo((byte) 0x11);
        assertThat(out[sof + 17]).as("Cr sampling 1x1").isEqualTo((byte) 0x11);
        assertThat(Similarity.psnr(Codecs.decode(out), PICTURE)).isGreaterThan(32);
    }

    @Test
    void progressiveWhenAsked() {
        byte[] out = jpeg.encode(Rasters.toPixels(PICTURE, 3), Rendition.parse("r", "1000,progressive"));

        assertThat(JpegSegments.find(out, 0xC2, 2)).as("progressive SOF2").isPositive();
        assertThat(JpegSegments.find(out, 0xC0, 2)).isEqualTo(-1);
    }

    @Test
    void higherQualityIsLargerAndCloser() {
        Pixels pixels = Rasters.toPixels(PICTURE, 3);
        byte[] low = jpeg.encode(pixels, Rendition.parse("r", "1000,q30"));
        byte[] high = jpeg.encode(pixels, Rendition.parse("r", "1000,q95"));

        assertThat(high.length).isGreaterThan(low.length * 2);
        assertThat(Similarity.psnr(Codecs.decode(high), PICTURE))
                .isGreaterThan(Similarity.psnr(Codecs.decode(low), PICTURE) + 5);
    }

    @Test
    void jpegRefusesAlpha() {
        assertThatThrownBy(() -> jpeg.encode(Pixels.allocate(2, 2, 4), Rendition.parse("r", "10")))
                .hasMessageContaining("alpha");
    }

    @Test
    void pngColourTypeFollowsChannels() {
        assertThat(pngColourType(Pixels.allocate(4, 4, 1))).as("gray").isZero();
        assertThat(pngColourType(Pixels.allocate(4, 4, 3))).as("RGB").isEqualTo(2);
        assertThat(pngColourType(Pixels.allocate(4, 4, 4))).as("RGBA").isEqualTo(6);
    }

    @Test
    void pngIsLossless() {
        byte[] out = png.encode(Rasters.toPixels(PICTURE, 3), Rendition.parse("r", "1000,png"));

        assertThat(Similarity.psnr(Codecs.decode(out), PICTURE)).isInfinite();
    }

    private int pngColourType(Pixels pixels) {
        byte[] out = png.encode(pixels, Rendition.parse("r", "10,png"));
        assertThat(out[24]).as("bit depth").isEqualTo((byte) 8);
        return out[25];
    }
}
