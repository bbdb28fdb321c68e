package dev.s3resizer.core.png;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.adjust.Flatten;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import dev.s3resizer.core.resample.BoxReduce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compositing onto the renditions' background while decoding ({@link DecodeRequest#background()}):
 * the same pixels as decoding with alpha and then {@link Flatten}, box-reduced as an opaque file
 * would be when far more is stored than asked; a file with an ICC profile, or interlaced, keeps
 * its alpha for the pipeline to composite after conversion.
 */
class PngFlattenOnLoadTest {

    private static final int BACKGROUND = 0x3080F0;

    @ParameterizedTest(name = "colour type {0}, {1} bits, asked {2}x{3}")
    @CsvSource({"6, 8, 301, 203, 1, 1", "6, 16, 301, 203, 1, 1", "4, 8, 301, 203, 1, 1", "4, 16, 250, 180, 1, 1",
            "6, 8, 50, 40, 4, 3", "6, 16, 97, 64, 2, 2", "4, 8, 40, 203, 5, 1"})
    void sameAsDecodingWithAlphaThenFlatteningAndBoxReducing(int colourType, int bitDepth, int askWidth,
                                                             int askHeight, int fx, int fy) {
        byte[] png = PngWriter.of(301, 203, colourType, bitDepth).filter(PngWriter.EVERY).write();
        ImageInfo info = ImageProbe.probe(png);

        Pixels flat = decode(png, info, askWidth, askHeight);
        Pixels withAlpha = new PngDecoder().decode(png, info, 1, 1).pixels();
        Pixels expected = BoxReduce.reduce(Flatten.onto(withAlpha, BACKGROUND), fx, fy);

        assertThat(withAlpha.usesTransparency()).isTrue();
        assertThat(flat.channels()).isEqualTo(3);
        assertThat(flat.width()).isEqualTo(expected.width());
        assertThat(flat.height()).isEqualTo(expected.height());
        assertThat(Arrays.mismatch(flat.data(), expected.data())).as("first byte that differs").isEqualTo(-1);
    }

    @Test
    void withoutABackgroundAlphaIsKept() {
        byte[] png = PngWriter.of(301, 203, 6, 8).write();

        Pixels pixels = new PngDecoder().decode(png, ImageProbe.probe(png), new DecodeRequest(30, 20, false)).pixels();

        assertThat(pixels.channels()).isEqualTo(4);
        assertThat(pixels.width()).isEqualTo(301);
    }

    @Test
    void fileWithAnIccProfileKeepsItsAlpha() {
        byte[] profile = IccProfiles.profile(IccProfiles.RgbSpace.DISPLAY_P3);
        byte[] png = PngChunks.insertAfterHeader(PngWriter.of(64, 48, 6, 8).write(), PngChunks.iccp("P3", profile));

        Pixels pixels = decode(png, ImageProbe.probe(png), 64, 48);

        assertThat(pixels.channels()).isEqualTo(4);
    }

    @Test
    void interlacedFileKeepsItsAlpha() throws IOException {
        BufferedImage translucent = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        translucent.setRGB(3, 4, 0x80FF0000);
        byte[] png = Codecs.interlacedPng(translucent);

        assertThat(png[28]).as("interlace method").isEqualTo((byte) 1);
        assertThat(decode(png, ImageProbe.probe(png), 64, 48).channels()).isEqualTo(4);
    }


    private static Pixels decode(byte[] png, ImageInfo info, int width, int height) {
        return new PngDecoder().decode(png, info, new DecodeRequest(width, height, false, false, BACKGROUND, false)).pixels();
    }
}
