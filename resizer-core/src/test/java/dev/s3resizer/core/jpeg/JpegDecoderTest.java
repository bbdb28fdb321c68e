package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.ImageIoFallback;
import dev.s3resizer.core.fixture.LogRecords;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline's JPEG decoder: the fast path, ImageIO for flavours it does not handle. */
class JpegDecoderTest {

    @RegisterExtension
    final LogRecords log = LogRecords.of(ImageIoFallback.class);
    private final List<LogRecord> records = log.records();



    @Test
    void unsupportedFlavourIsDecodedByImageIoWithOneLogLine() throws IOException {
        byte[] grayAlpha = twoComponentJpeg(64, 48);
        ImageInfo info = ImageProbe.probe(grayAlpha);

        assertThatThrownBy(() -> new ScaledJpegDecoder().decode(grayAlpha, info, 64, 48))
                .isInstanceOf(UnsupportedJpegException.class);
        Decoded decoded = ScaledJpegDecoder.withImageIoFallback().decode(grayAlpha, info, 64, 48);

        assertThat(decoded.pixels().width()).isEqualTo(64);
        assertThat(decoded.pixels().height()).isEqualTo(48);
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().getMessage()).contains("ImageIO");
    }

    @Test
    void supportedJpegIsDecodedAtReducedScaleWithoutLogging() {
        byte[] jpeg = JpegFixtures.jpeg(JpegFixtures.picture(320, 240, 2), 2, 2, false, 0, 0.9f);

        Decoded decoded = ScaledJpegDecoder.withImageIoFallback().decode(jpeg, ImageProbe.probe(jpeg), 80, 60);

        assertThat(decoded.pixels().width()).isEqualTo(80);
        assertThat(records).isEmpty();
    }

    @Test
    void corruptJpegIsRefusedRatherThanRetried() {
        byte[] jpeg = JpegFixtures.jpeg(JpegFixtures.picture(320, 240, 2), 2, 2, false, 0, 0.9f);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThatThrownBy(() -> ScaledJpegDecoder.withImageIoFallback().decode(cut, ImageProbe.probe(cut), 320, 240))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("MCU row");
        assertThat(records).isEmpty();
    }

    /** Gray plus alpha, two components: TwelveMonkeys reads it, the fast decoder does not. */
    private static byte[] twoComponentJpeg(int width, int height) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 2, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, (x * 4 + y) & 255);
                raster.setSample(x, y, 1, 200);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
            out.flush();
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
