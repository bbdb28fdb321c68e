package dev.s3resizer.core.bmp;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.bmp.BMPImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link BmpDecoder} against the JDK's BMP reader: uncompressed BMP is lossless, the pixels must be the same. */
class BmpDecoderTest {

    @ParameterizedTest(name = "{0}x{1}, type {2}, top-down {3}")
    @CsvSource({"301, 203, 5, false", "301, 203, 5, true", "1, 1, 5, false", "302, 7, 13, false",
            "303, 20, 13, true", "2, 9, 10, false", "33, 9, 10, true"})
    void sameAsImageIo(int width, int height, int type, boolean topDown) {
        BufferedImage image = new BufferedImage(width, height, type);
        image.createGraphics().drawImage(Pictures.waves(width, height), 0, 0, null);
        byte[] bmp = write(image, topDown);
        ImageInfo info = ImageProbe.probe(bmp);

        Pixels ours = new BmpDecoder().decode(bmp, info, 1, 1).pixels();
        Pixels theirs = new ImageIoDecoder().decode(bmp, info, 1, 1).pixels();

        assertThat(ours.channels()).isEqualTo(theirs.channels());
        assertThat(ours.width()).isEqualTo(width);
        assertThat(ours.height()).isEqualTo(height);
        assertThat(Arrays.mismatch(ours.data(), theirs.data())).as("first byte that differs from ImageIO's")
                .isEqualTo(-1);
    }

    @Test
    void sixteenBitPixelsAreLeftToImageIo() {
        byte[] bmp = write(new BufferedImage(30, 20, BufferedImage.TYPE_USHORT_565_RGB), false);
        assertThatThrownBy(() -> new BmpDecoder().decode(bmp, ImageProbe.probe(bmp), 1, 1))
                .isInstanceOf(UnsupportedBmpException.class).hasMessageContaining("16-bit");
    }

    @Test
    void truncatedPixelDataIsCorrupt() {
        byte[] whole = write(new BufferedImage(30, 20, BufferedImage.TYPE_3BYTE_BGR), false);
        byte[] cut = Arrays.copyOf(whole, whole.length - 100);
        assertThatThrownBy(() -> new BmpDecoder().decode(cut, ImageProbe.probe(whole), 1, 1))
                .isInstanceOf(CorruptImageException.class).hasMessageContaining("truncated");
    }

    private static byte[] write(BufferedImage image, boolean topDown) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("bmp").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            BMPImageWriteParam param = (BMPImageWriteParam) writer.getDefaultWriteParam();
            param.setTopDown(topDown);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
