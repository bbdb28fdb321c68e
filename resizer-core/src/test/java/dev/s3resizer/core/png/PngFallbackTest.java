package dev.s3resizer.core.png;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.decode.ImageIoFallback;
import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.LogRecords;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline's PNG decoder: the fast path, ImageIO for flavours it does not handle, corrupt files refused. */
class PngFallbackTest {

    @RegisterExtension
    final LogRecords log = LogRecords.of(ImageIoFallback.class);
    private final List<LogRecord> records = log.records();
    private final AtomicInteger fallbacks = new AtomicInteger();
    private final Decoder countingImageIo = (data, info, w, h) -> {
        fallbacks.incrementAndGet();
        return new ImageIoDecoder().decode(data, info, w, h);
    };
    private final Decoder decoder = new ImageIoFallback("PNG", new PngDecoder(), UnsupportedPngException.class, countingImageIo);



    @ParameterizedTest(name = "BufferedImage type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_INDEXED})
    void interlacedPngIsDecodedByTheFastPath(int type) throws IOException {
        for (int[] size : new int[][] {{301, 203}, {2, 2}, {3, 5}, {9, 2}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], type);
            image.getGraphics().drawImage(Pictures.waves(size[0], size[1]), 0, 0, null);
            byte[] png = Codecs.interlacedPng(image);
            assertThat(png[28]).as("interlace method").isEqualTo((byte) 1);

            assertSameAsImageIo(png, decoder.decode(png, ImageProbe.probe(png), 1, 1));
        }
        assertThat(fallbacks).hasValue(0);
        assertThat(records).isEmpty();
    }

    @Test
    void interlacedSixteenBitRgbaWithTransparency() throws IOException {
        BufferedImage image = Pictures.asymmetric(97, 61);
        BufferedImage translucent = new BufferedImage(97, 61, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 61; y++) {
            for (int x = 0; x < 97; x++) {
                translucent.setRGB(x, y, image.getRGB(x, y) & 0xFFFFFF | (x * 2 + y) % 256 << 24);
            }
        }
        byte[] png = Codecs.interlacedPng(translucent);

        assertSameAsImageIo(png, decoder.decode(png, ImageProbe.probe(png), 1, 1));
        assertThat(fallbacks).hasValue(0);
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {1, 2, 4})
    void grayBelowEightBitsIsDecodedByImageIo(int bitDepth) {
        byte[] png = PngWriter.of(301, 203, 0, bitDepth).filter(PngWriter.EVERY).write();

        assertSameAsImageIo(png, decoder.decode(png, ImageProbe.probe(png), 1, 1));

        assertThat(fallbacks).hasValue(1);
        assertThat(records).hasSize(1);
    }

    @Test
    void sixteenBitPngIsDecodedByTheFastPathWithoutLogging() {
        byte[] png = PngWriter.of(301, 203, 6, 16).filter(PngWriter.EVERY).write();

        assertSameAsImageIo(png, decoder.decode(png, ImageProbe.probe(png), 1, 1));

        assertThat(fallbacks).hasValue(0);
        assertThat(records).isEmpty();
    }

    @Test
    void corruptPngIsRefusedRatherThanRetried() {
        byte[] png = PngWriter.of(301, 203, 2, 8).write();
        byte[] cut = Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> decoder.decode(cut, ImageProbe.probe(cut), 1, 1))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("truncated");
        assertThat(fallbacks).hasValue(0);
        assertThat(records).isEmpty();
    }

    @Test
    void embeddedIccProfileIsKeptAsImageIoKeepsIt() {
        byte[] profile = IccProfiles.profile(IccProfiles.RgbSpace.DISPLAY_P3);
        byte[] png = PngChunks.insertAfterHeader(PngWriter.of(64, 48, 2, 8).write(), PngChunks.iccp("P3", profile));
        ImageInfo info = ImageProbe.probe(png);

        Decoded ours = decoder.decode(png, info, 1, 1);

        assertThat(ours.profile()).isNotNull();
        assertThat(ours.profile().getData()).isEqualTo(profile);
        assertThat(ours.profile().getData()).isEqualTo(new ImageIoDecoder().decode(png, info, 1, 1).profile().getData());
        assertThat(fallbacks).hasValue(0);
    }

    @Test
    void thePipelineDecodesPngsWithIt() {
        byte[] png = PngWriter.of(64, 48, 0, 2).write();

        new ImageResizer(Limits.DEFAULT).render(png, Rendition.parse("small", "32x32,fit,png"));

        assertThat(records).hasSize(1);
        assertThat(new SimpleFormatter().formatMessage(records.getFirst())).contains("2-bit gray")
                .contains("64x48 PNG with ImageIO");
    }

    private static void assertSameAsImageIo(byte[] png, Decoded decoded) {
        ImageIoParity.assertSame(decoded.pixels(), new ImageIoDecoder().decode(png, ImageProbe.probe(png), 1, 1).pixels());
    }

}
