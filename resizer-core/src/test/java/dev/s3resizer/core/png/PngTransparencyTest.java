package dev.s3resizer.core.png;

import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tRNS colour keys and palette alphas, and palettes shorter than their indexes: the channel
 * layout and pixels ImageIO gives, so that the pipeline after the decoder sees no difference.
 */
class PngTransparencyTest {

    @ParameterizedTest(name = "{0} bits")
    @CsvSource({"8, 0x32", "16, 0x3232"})
    void grayColourKeyBecomesRgbaWithTransparentKeyedPixels(int bitDepth, int key) {
        byte[] png = PngWriter.of(301, 203, 0, bitDepth).levels(0, 0x32, 0x3200, 0x3232, 0xFFFF)
                .chunk("tRNS", new byte[] {(byte) (key >> 8), (byte) key}).filter(PngWriter.EVERY).write();

        Pixels pixels = ImageIoParity.assertSame(png).pixels();

        assertThat(pixels.channels()).isEqualTo(4);
        assertThat(transparent(pixels)).isBetween(100, 301 * 203 - 100);
    }

    @ParameterizedTest(name = "{0} bits")
    @CsvSource({"8, 0x10, 0x80, 0xF0", "16, 0x1000, 0x8080, 0xF0F0"})
    void rgbColourKeyBecomesRgbaWithTransparentKeyedPixels(int bitDepth, int r, int g, int b) {
        byte[] trns = {(byte) (r >> 8), (byte) r, (byte) (g >> 8), (byte) g, (byte) (b >> 8), (byte) b};
        PngWriter writer = PngWriter.of(301, 203, 2, bitDepth).chunk("tRNS", trns).filter(PngWriter.PAETH);
        byte[] png = bitDepth == 8 ? writer.levels(0x10, 0x80, 0xF0).write()
                : writer.levels(0x1000, 0x10FF, 0x8080, 0xF0F0).write();

        Pixels pixels = ImageIoParity.assertSame(png).pixels();

        assertThat(pixels.channels()).isEqualTo(4);
        assertThat(transparent(pixels)).isBetween(100, 301 * 203 - 100);
    }

    @Test
    void colourKeyOfTheWrongLengthIsIgnored() {
        byte[] png = PngWriter.of(64, 32, 0, 8).chunk("tRNS", new byte[] {0, 0x32, 0}).write();

        assertThat(ImageIoParity.assertSame(png).pixels().channels()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} bits")
    @CsvSource({"1", "2", "4", "8"})
    void paletteWithTranslucentEntriesBecomesRgba(int bitDepth) {
        byte[] png = PngWriter.of(301, 203, 3, bitDepth).chunk("tRNS", new byte[] {0, (byte) 128})
                .filter(PngWriter.EVERY).write();

        Pixels pixels = ImageIoParity.assertSame(png).pixels();

        assertThat(pixels.channels()).isEqualTo(4);
        assertThat(transparent(pixels)).isPositive();
    }

    @Test
    void paletteWhoseAlphasAreAllOpaqueStaysRgb() {
        byte[] png = PngWriter.of(64, 32, 3, 8).chunk("tRNS", new byte[] {(byte) 255, (byte) 255}).write();

        assertThat(ImageIoParity.assertSame(png).pixels().channels()).isEqualTo(3);
    }

    /** ImageIO refuses this file (its reader loses its place in the stream); libpng and browsers ignore the tRNS. */
    @Test
    void paletteAlphasBeforeThePaletteAreIgnored() {
        PngWriter writer = PngWriter.of(64, 32, 3, 4).withoutChunks();
        byte[] misplaced = writer.chunk("tRNS", new byte[] {0, 0}).chunk("PLTE", PngWriter.palette(16)).write();
        byte[] without = writer.withoutChunks().chunk("PLTE", PngWriter.palette(16)).write();

        Pixels ours = new PngDecoder().decode(misplaced, ImageProbe.probe(misplaced), 1, 1).pixels();

        assertThat(ours.channels()).isEqualTo(3);
        ImageIoParity.assertSame(ours, ImageIoParity.assertSame(without).pixels());
    }

    /** ImageIO keeps as many alphas as the palette it rounds up to 2, 4, 16 or 256 entries. */
    @Test
    void paletteAlphasBeyondThePaletteAreIgnored() {
        byte[] alphas = new byte[17];
        Arrays.fill(alphas, 0, 16, (byte) 255);
        byte[] png = PngWriter.of(64, 32, 3, 8).withoutChunks().chunk("PLTE", PngWriter.palette(16))
                .chunk("tRNS", alphas).samples(rnd -> rnd.nextInt(17)).write();

        assertThat(ImageIoParity.assertSame(png).pixels().channels()).isEqualTo(3);
    }

    /** Indexes past the palette are an error by the specification; ImageIO pads the palette, and so do we. */
    @ParameterizedTest(name = "{1} entries at {0} bits, alphas for {2}")
    @CsvSource({"8, 1, 0", "8, 2, 1", "8, 3, 3", "8, 5, 5", "8, 17, 0", "8, 17, 17", "4, 3, 2", "2, 1, 1", "1, 1, 0"})
    void indexesPastTheEndOfThePaletteComeOutAsImageIoPadsIt(int bitDepth, int entries, int alphas) {
        PngWriter writer = PngWriter.of(101, 53, 3, bitDepth).withoutChunks().chunk("PLTE", PngWriter.palette(entries));
        if (alphas > 0) {
            byte[] trns = new byte[alphas];
            for (int i = 0; i < alphas; i++) {
                trns[i] = (byte) (i * 50);
            }
            writer.chunk("tRNS", trns);
        }

        Decoded decoded = ImageIoParity.assertSame(writer.filter(PngWriter.UP).write());

        assertThat(decoded.pixels().channels()).isEqualTo(alphas > 0 ? 4 : 3);
    }

    private static int transparent(Pixels pixels) {
        int count = 0;
        for (int i = 3; i < pixels.data().length; i += 4) {
            count += pixels.data()[i] == 0 ? 1 : 0;
        }
        return count;
    }
}
