package dev.s3resizer.core.tiff;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TiffDecoder} against ImageIO (TwelveMonkeys) on files written by libtiff (ImageMagick:
 * strips and tiles, LZW and deflate, horizontal differencing, both byte orders, gray, gray+alpha,
 * RGB, RGBA) and by ImageIO's own writer. TIFF is lossless: the pixels must be the same.
 */
class TiffDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"rgb-lzw-predictor-strips.tiff", "rgba-deflate-predictor-tiles.tiff", "gray-none.tiff",
            "graya-lzw.tiff", "rgb-lzw-tiles-bigendian.tiff", "rgb-deflate-predictor-tiles.tiff",
            "gray-deflate-predictor-strips.tiff", "rgb-deflate-tiles-vips.tiff", "rgb-packbits-strips.tiff"})
    void libtiffFilesDecodeAsImageIoDecodesThem(String name) {
        byte[] tiff = Codecs.resource("tiff/" + name);
        Pixels ours = assertSameAsImageIo(tiff);
        assertThat(ours.width()).isEqualTo(45);
        assertThat(ours.height()).isEqualTo(37);
    }

    @ParameterizedTest
    @CsvSource({"None, 1", "LZW, 1", "Deflate, 1", "LZW, 2", "Deflate, 2", "None, 5", "LZW, 6", "PackBits, 5",
            "PackBits, 2"})
    void imageIoWrittenFilesOfEveryCompressionAndType(String compression, int type) {
        BufferedImage picture = Pictures.waves(301, 203);
        BufferedImage typed = new BufferedImage(301, 203, type == 1 ? BufferedImage.TYPE_INT_RGB
                : type == 2 ? BufferedImage.TYPE_INT_ARGB : type == 5 ? BufferedImage.TYPE_3BYTE_BGR
                : BufferedImage.TYPE_4BYTE_ABGR);
        typed.createGraphics().drawImage(picture, 0, 0, null);
        if (typed.getColorModel().hasAlpha()) {
            for (int x = 0; x < 301; x++) {
                typed.setRGB(x, x % 203, typed.getRGB(x, x % 203) & 0x40FFFFFF);
            }
        }
        assertSameAsImageIo(write(typed, compression));
    }

    @Test
    void layoutsItDoesNotDecodeAreRefusedForImageIo() {
        byte[] sixteenBit = Codecs.resource("tiff/gray-none.tiff").clone();
        // BitsPerSample of the one gray sample, inline in its IFD entry: 8 becomes 16.
        int entry = indexOf(sixteenBit, new byte[] {0x02, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x08});
        sixteenBit[entry + 8] = 16;
        ImageInfo info = ImageProbe.probe(sixteenBit);
        assertThatThrownBy(() -> new TiffDecoder().decode(sixteenBit, info, 1, 1))
                .isInstanceOf(UnsupportedTiffException.class).hasMessageContaining("16-bit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rgb-lzw-predictor-strips.tiff", "rgba-deflate-predictor-tiles.tiff", "graya-lzw.tiff"})
    void damagedCompressedDataIsCorrupt(String name) {
        byte[] damaged = Codecs.resource("tiff/" + name).clone();
        int ifd = (damaged[4] & 0xFF) | (damaged[5] & 0xFF) << 8;
        // ImageMagick writes the image data between the 8-byte header and the directory.
        Arrays.fill(damaged, 8 + (ifd - 8) / 4, 8 + (ifd - 8) / 2, (byte) 0xFF);
        ImageInfo info = ImageProbe.probe(damaged);
        assertThatThrownBy(() -> new TiffDecoder().decode(damaged, info, 1, 1))
                .isInstanceOf(CorruptImageException.class).hasMessageContaining("TIFF");
    }

    @Test
    void aPackBitsStripThatEndsEarlyIsCorrupt() {
        byte[] cut = Codecs.resource("tiff/rgb-packbits-strips.tiff").clone();
        // The first of the 6 StripByteCounts LONGs, out of line: its low byte halved (959 becomes 863).
        int entry = indexOf(cut, new byte[] {0x17, 0x01, 0x04, 0x00, 0x06, 0x00, 0x00, 0x00});
        int table = (cut[entry + 8] & 0xFF) | (cut[entry + 9] & 0xFF) << 8;
        cut[table] = (byte) ((cut[table] & 0xFF) / 2);
        ImageInfo info = ImageProbe.probe(cut);
        assertThatThrownBy(() -> new TiffDecoder().decode(cut, info, 1, 1))
                .isInstanceOf(CorruptImageException.class).hasMessageContaining("PackBits");
    }

    @Test
    void aStripPastTheEndOfTheFileIsCorrupt() {
        byte[] cut = Codecs.resource("tiff/gray-none.tiff").clone();
        // StripByteCounts (279), one LONG inline: 45 x 37 bytes become 45 x 37 + 1.
        int entry = indexOf(cut, new byte[] {0x17, 0x01, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00});
        int count = (cut[entry + 8] & 0xFF) | (cut[entry + 9] & 0xFF) << 8;
        assertThat(count).isEqualTo(45 * 37);
        long offset = indexOf(cut, new byte[] {0x11, 0x01, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00});
        cut[(int) offset + 8] = (byte) (cut.length - 10);
        cut[(int) offset + 9] = (byte) ((cut.length - 10) >> 8);
        ImageInfo info = ImageProbe.probe(cut);
        assertThatThrownBy(() -> new TiffDecoder().decode(cut, info, 1, 1))
                .isInstanceOf(CorruptImageException.class).hasMessageContaining("past the end");
    }

    private static Pixels assertSameAsImageIo(byte[] tiff) {
        ImageInfo info = ImageProbe.probe(tiff);
        Decoded ours = new TiffDecoder().decode(tiff, info, 1, 1);
        Decoded theirs = new ImageIoDecoder().decode(tiff, info, 1, 1);
        Pixels a = ours.pixels();
        Pixels b = theirs.pixels();
        assertThat(a.channels()).as("channels").isEqualTo(b.channels());
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        assertThat(Arrays.mismatch(a.data(), b.data())).as("first byte that differs from ImageIO's").isEqualTo(-1);
        return a;
    }

    private static byte[] write(BufferedImage image, String compression) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(compression);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new IllegalStateException("pattern not found");
    }
}
