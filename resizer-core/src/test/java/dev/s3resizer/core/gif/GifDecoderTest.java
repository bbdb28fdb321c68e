package dev.s3resizer.core.gif;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link GifDecoder} against the pipeline's ImageIO path (JDK reader, then the frame placed on its
 * screen): GIF is lossless once indexed, so the pixels must be the same, channel layout included.
 */
class GifDecoderTest {

    @ParameterizedTest(name = "{0}x{1}, interlaced {2}")
    @CsvSource({"1, 1, false", "301, 203, false", "301, 203, true", "7, 300, true", "640, 2, false"})
    void sameAsImageIo(int width, int height, boolean interlaced) {
        assertSameAsImageIo(write(indexed(Pictures.waves(width, height), -1), interlaced));
    }

    @Test
    void transparentIndexGivesRgba() {
        Pixels ours = assertSameAsImageIo(write(indexed(Pictures.waves(120, 80), 3), false));
        assertThat(ours.channels()).isEqualTo(4);
        assertThat(ours.usesTransparency()).isTrue();
    }

    @Test
    void animationGivesItsFirstFrame() {
        BufferedImage first = Pictures.patches(40, 30, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF);
        BufferedImage second = Pictures.patches(40, 30, 0x000000, 0x000000, 0x000000, 0x000000);
        assertSameAsImageIo(Codecs.animatedGif(List.of(first, second)));
    }

    @Test
    void frameSmallerThanItsScreenSitsOnTransparency() {
        byte[] gif = Codecs.gifOnScreen(Pictures.patches(20, 20, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF), 40, 40,
                10, 10);
        Pixels ours = assertSameAsImageIo(gif);
        assertThat(ours.width()).isEqualTo(40);
        assertThat(ours.data()[3]).as("alpha outside the frame").isEqualTo((byte) 0);
        assertThat(ours.data()[(15 * 40 + 15) * 4 + 3]).as("alpha inside the frame").isEqualTo((byte) 0xFF);
    }

    @Test
    void truncatedDataIsCorrupt() {
        byte[] whole = write(indexed(Pictures.waves(200, 150), -1), false);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        ImageInfo info = ImageProbe.probe(whole);
        assertThatThrownBy(() -> new GifDecoder().decode(cut, info, 1, 1))
                .isInstanceOf(CorruptImageException.class).hasMessageContaining("truncated");
    }

    @Test
    void interlacedRowsCoverEveryRowOnce() {
        for (int height = 1; height <= 20; height++) {
            boolean[] seen = new boolean[height];
            for (int n = 0; n < height; n++) {
                int row = GifDecoder.interlacedRow(n, height);
                assertThat(seen[row]).as("row %d of %d seen twice", row, height).isFalse();
                seen[row] = true;
            }
        }
    }

    private static Pixels assertSameAsImageIo(byte[] gif) {
        ImageInfo info = ImageProbe.probe(gif);
        Pixels ours = new GifDecoder().decode(gif, info, 1, 1).pixels();
        Pixels theirs = new ImageIoDecoder().decode(gif, info, 1, 1).pixels();
        assertThat(ours.width()).isEqualTo(theirs.width());
        assertThat(ours.height()).isEqualTo(theirs.height());
        assertThat(ours.channels()).as("channels").isEqualTo(theirs.channels());
        assertThat(Arrays.mismatch(ours.data(), theirs.data())).as("first byte that differs from ImageIO's")
                .isEqualTo(-1);
        return ours;
    }

    /** The picture on a 6x6x6 colour cube (plus 40 grays), with {@code transparent} as the transparent index. */
    private static BufferedImage indexed(BufferedImage picture, int transparent) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 216; i++) {
            r[i] = (byte) (i / 36 * 51);
            g[i] = (byte) (i / 6 % 6 * 51);
            b[i] = (byte) (i % 6 * 51);
        }
        for (int i = 216; i < 256; i++) {
            r[i] = g[i] = b[i] = (byte) ((i - 216) * 6);
        }
        IndexColorModel model = transparent < 0 ? new IndexColorModel(8, 256, r, g, b)
                : new IndexColorModel(8, 256, r, g, b, transparent);
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(),
                BufferedImage.TYPE_BYTE_INDEXED, model);
        out.createGraphics().drawImage(picture, 0, 0, null);
        return out;
    }

    private static byte[] write(BufferedImage image, boolean interlaced) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
