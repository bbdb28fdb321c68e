package dev.s3resizer.core.png;

import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PngDecoder} against ImageIO on every colour type, bit depth and filter type, at an odd
 * size and at 1x1; and against the samples written, where the layout keeps them as they are.
 */
class PngDecoderTest {

    /** Colour type and bit depth of every non-interlaced layout the decoder takes. */
    private static final List<int[]> LAYOUTS = List.of(new int[] {0, 8}, new int[] {0, 16}, new int[] {2, 8},
            new int[] {2, 16}, new int[] {3, 1}, new int[] {3, 2}, new int[] {3, 4}, new int[] {3, 8},
            new int[] {4, 8}, new int[] {4, 16}, new int[] {6, 8}, new int[] {6, 16});

    static Stream<Arguments> everyLayoutAndFilter() {
        return LAYOUTS.stream().flatMap(l -> Stream.of(PngWriter.NONE, PngWriter.SUB, PngWriter.UP,
                PngWriter.AVERAGE, PngWriter.PAETH, PngWriter.EVERY).map(f -> Arguments.of(l[0], l[1], f)));
    }

    static Stream<Arguments> everyLayout() {
        return LAYOUTS.stream().map(l -> Arguments.of(l[0], l[1]));
    }

    @ParameterizedTest(name = "colour type {0}, {1} bits, filter {2}")
    @MethodSource("everyLayoutAndFilter")
    void sameAsImageIoForEveryLayoutAndFilter(int colourType, int bitDepth, int filter) {
        ImageIoParity.assertSame(PngWriter.of(301, 203, colourType, bitDepth).filter(filter).write());
    }

    @ParameterizedTest(name = "colour type {0}, {1} bits")
    @MethodSource("everyLayout")
    void sameAsImageIoForOnePixelAndOneRowOrColumn(int colourType, int bitDepth) {
        ImageIoParity.assertSame(PngWriter.of(1, 1, colourType, bitDepth).filter(PngWriter.PAETH).write());
        ImageIoParity.assertSame(PngWriter.of(97, 1, colourType, bitDepth).filter(PngWriter.AVERAGE).write());
        ImageIoParity.assertSame(PngWriter.of(1, 67, colourType, bitDepth).filter(PngWriter.EVERY).write());
    }

    /** Wide enough that the stored rows fill several inflate batches, which then end inside a row's bytes. */
    @ParameterizedTest(name = "colour type {0}, {1} bits")
    @MethodSource("everyLayout")
    void sameAsImageIoAcrossInflateBatches(int colourType, int bitDepth) {
        ImageIoParity.assertSame(PngWriter.of(997, 311, colourType, bitDepth).filter(PngWriter.EVERY).write());
    }

    @ParameterizedTest(name = "colour type {0}, 8 bits")
    @CsvSource({"0, 1", "2, 3", "6, 4"})
    void eightBitSamplesAreTheStoredOnes(int colourType, int channels) {
        PngWriter writer = PngWriter.of(301, 203, colourType, 8).filter(PngWriter.EVERY);

        Decoded decoded = decode(writer.write());

        assertThat(decoded.pixels().channels()).isEqualTo(channels);
        assertThat(decoded.pixels().data()).isEqualTo(writer.rows());
        assertThat(decoded.profile()).isNull();
    }

    @Test
    void sixteenBitSamplesKeepTheirHighByte() {
        PngWriter writer = PngWriter.of(31, 17, 6, 16).filter(PngWriter.PAETH);
        byte[] rows = writer.rows();

        byte[] data = decode(writer.write()).pixels().data();

        for (int i = 0; i < data.length; i++) {
            assertThat(data[i]).as("sample %d", i).isEqualTo(rows[2 * i]);
        }
    }

    @Test
    void imageDataSplitOverManyChunksIncludingEmptyOnes() {
        PngWriter writer = PngWriter.of(301, 203, 2, 8).filter(PngWriter.EVERY);
        byte[] whole = writer.write();

        ImageIoParity.assertSame(writer.idatChunks(7).write());
        ImageIoParity.assertSame(writer.idatChunks(100_000).write());
        assertThat(writer.idatChunks(100_000).write().length).isGreaterThan(whole.length + 100_000);
    }

    @Test
    void pngsWrittenByImageIoOfEveryBufferedImageType() {
        BufferedImage picture = Pictures.asymmetric(301, 203);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY,
                BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_USHORT_565_RGB}) {
            BufferedImage image = new BufferedImage(301, 203, type);
            image.getGraphics().drawImage(picture, 0, 0, null);
            ImageIoParity.assertSame(Codecs.png(image));
        }
    }

    @Test
    void largeImageWithTransparency() {
        BufferedImage image = Pictures.filled(1200, 900, 0x00000000);
        image.getGraphics().drawImage(Pictures.waves(1000, 700), 100, 100, null);

        Decoded decoded = ImageIoParity.assertSame(Codecs.png(image));

        assertThat(decoded.pixels().usesTransparency()).isTrue();
    }

    private static Decoded decode(byte[] png) {
        return new PngDecoder().decode(png, ImageProbe.probe(png), 1, 1);
    }
}
