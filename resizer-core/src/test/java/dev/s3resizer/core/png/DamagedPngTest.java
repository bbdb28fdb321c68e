package dev.s3resizer.core.png;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Truncated and damaged PNGs are refused with a message naming what is wrong, never returned
 * half empty (ImageIO refuses them too); valid files in a flavour the decoder leaves to ImageIO
 * are reported as unsupported. A file whose image data is complete but lacks its IEND chunk is
 * decoded, as browsers do.
 */
class DamagedPngTest {

    private static PngWriter picture() {
        return PngWriter.of(301, 203, 6, 8).filter(PngWriter.EVERY);
    }

    @ParameterizedTest(name = "cut at {0}% of the image data")
    @ValueSource(ints = {1, 50, 99})
    void fileCutInsideItsImageDataIsTruncated(int percent) {
        byte[] png = picture().withoutEnd().write();
        int data = PngChunks.find(png, "IDAT") + 8;
        byte[] cut = Arrays.copyOf(png, data + (png.length - 4 - data) * percent / 100);

        assertCorrupt(cut).hasMessageContaining("truncated").hasMessageContaining("of 203");
    }

    @Test
    void fileCutBeforeItsImageDataIsTruncated() {
        byte[] png = picture().chunk("tEXt", "Comment\0a long enough comment".getBytes(StandardCharsets.ISO_8859_1)).write();

        assertCorrupt(Arrays.copyOf(png, 50)).hasMessageContaining("tEXt").hasMessageContaining("truncated");
    }

    /**
     * Viewers show such a file, and ImageIO does too, except for palette images: for those its
     * reader reads every chunk up to IEND and fails when there is none.
     */
    @ParameterizedTest(name = "colour type {0}")
    @ValueSource(ints = {2, 3, 6})
    void imageDataWithoutItsEndChunkIsDecoded(int colourType) {
        PngWriter writer = PngWriter.of(301, 203, colourType, 8).filter(PngWriter.EVERY);
        Pixels whole = ImageIoParity.assertSame(writer.write()).pixels();
        byte[] withoutEnd = writer.withoutEnd().write();
        byte[] withoutEndOrCrc = Arrays.copyOf(withoutEnd, withoutEnd.length - 4);

        ImageIoParity.assertSame(decode(withoutEnd).pixels(), whole);
        ImageIoParity.assertSame(decode(withoutEndOrCrc).pixels(), whole);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"0, incorrect header check", "2, invalid block type"})
    void damagedZlibStreamIsCorrupt(int at, String zlibMessage) {
        PngWriter writer = picture();
        byte[] zlib = PngWriter.deflate(writer.filtered());
        zlib[at] = at == 0 ? 0 : (byte) 0x07;

        assertCorrupt(writer.write(zlib)).hasMessageContaining("zlib: " + zlibMessage)
                .hasMessageContaining("row 1 of 203").hasMessageContaining("damaged");
    }

    @Test
    void imageDataThatInflatesToTooFewBytesIsCorrupt() {
        PngWriter writer = picture();
        byte[] zlib = PngWriter.deflate(Arrays.copyOf(writer.filtered(), (301 * 4 + 1) * 150 + 20));

        assertCorrupt(writer.write(zlib)).hasMessageContaining("row 151 of 203")
                .hasMessageContaining("fewer bytes than the image needs");
    }

    @Test
    void bytesAfterTheLastRowAreIgnored() {
        PngWriter writer = picture();
        byte[] filtered = writer.filtered();
        byte[] zlib = PngWriter.deflate(Arrays.copyOf(filtered, filtered.length + 5000));

        ImageIoParity.assertSame(writer.write(zlib));
    }

    @Test
    void unknownFilterTypeIsCorrupt() {
        PngWriter writer = picture();
        byte[] filtered = writer.filtered();
        filtered[(301 * 4 + 1) * 77] = 5;

        assertCorrupt(writer.write(PngWriter.deflate(filtered))).hasMessageContaining("row 78 of 203")
                .hasMessageContaining("filter type 5");
    }

    @Test
    void chunkInsideTheImageDataEndsIt() {
        byte[] png = picture().idatChunks(2).write();
        int second = PngChunks.find(png, "IDAT") + 12 + Chunk.intAt(png, PngChunks.find(png, "IDAT"));
        png[second + 4] = 'i';

        assertCorrupt(png).hasMessageContaining("truncated");
    }

    @Test
    void paletteImageWithoutPaletteIsCorrupt() {
        assertCorrupt(PngWriter.of(30, 20, 3, 8).withoutChunks().write()).hasMessageContaining("no palette (PLTE)");
    }

    @Test
    void fileWithoutImageDataIsCorrupt() {
        byte[] png = picture().write();
        byte[] empty = Arrays.copyOf(png, 33 + 12);
        System.arraycopy(png, png.length - 12, empty, 33, 12);

        assertCorrupt(empty).hasMessageContaining("before any image data (IDAT)");
    }

    @ParameterizedTest(name = "IHDR byte {0} = {1}")
    @CsvSource({"24, 3, bit depth of 3", "25, 5, colour type 5", "24, 16, bit depth 16 for colour type 3",
            "26, 1, compression method 1"})
    void headerPngDoesNotAllowIsCorrupt(int at, int value, String message) {
        byte[] png = PngWriter.of(30, 20, 3, 8).write();
        png[at] = (byte) value;

        assertThatThrownBy(() -> decode(png)).isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("IHDR").hasMessageContaining(message);
    }

    @Test
    void interlacedImageCutInsideItsPassesIsCorrupt() throws IOException {
        BufferedImage image = Pictures.asymmetric(120, 80);
        byte[] whole = Codecs.interlacedPng(image);
        byte[] png = Arrays.copyOf(whole, whole.length * 2 / 3);

        assertThatThrownBy(() -> decode(png)).isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("truncated");
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {1, 2, 4})
    void grayBelowEightBitsIsLeftToImageIo(int bitDepth) {
        byte[] png = PngWriter.of(30, 20, 0, bitDepth).write();

        assertThatThrownBy(() -> decode(png)).isInstanceOf(UnsupportedPngException.class)
                .hasMessageContaining(bitDepth + "-bit gray");
    }

    /** Refused by this decoder with the message checked, and by ImageIO as well. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertCorrupt(byte[] png) {
        assertThatThrownBy(() -> new ImageIoDecoder().decode(png, ImageProbe.probe(png), 1, 1))
                .as("ImageIO refuses it too").isInstanceOf(CorruptImageException.class);
        return assertThatThrownBy(() -> decode(png)).isInstanceOf(CorruptImageException.class)
                .hasMessageStartingWith("PNG: ");
    }

    private static Decoded decode(byte[] png) {
        return new PngDecoder().decode(png, ImageProbe.probe(png), 1, 1);
    }
}
