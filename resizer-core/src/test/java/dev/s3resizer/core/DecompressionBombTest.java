package dev.s3resizer.core;

import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.encode.ImageIoJpegEncoder;
import dev.s3resizer.core.encode.ImageIoPngEncoder;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.fixture.TiffFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 20000x20000 PNG of a few hundred kilobytes (400 MB once decoded) is refused from its header alone,
 * without calling the decoder ({@link DecompressionBombIT}: also inside a JVM with a 64 MB heap).
 */
class DecompressionBombTest {

    private static final Rendition THUMB = Rendition.parse("thumb", "320x320,cover");
    private static byte[] bomb;

    @BeforeAll
    static void writeBomb() {
        bomb = PngChunks.grayBomb(20_000, 20_000);
    }

    @Test
    void bombIsAFewHundredKilobytesAndAValidPngHeader() {
        assertThat(bomb.length).isBetween(100_000, 600_000);
        ImageInfo info = new ImageResizer(new Limits(1L << 30, 1_000_000_000L, 1)).inspect(bomb);
        assertThat(info.format()).isEqualTo(ImageFormat.PNG);
        assertThat(info.width()).isEqualTo(20_000);
        assertThat(info.height()).isEqualTo(20_000);
    }

    @Test
    void refusedByInspectWithAMessageNamingSizeAndLimit() {
        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT).inspect(bomb))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("20000x20000")
                .hasMessageContaining("400.0 MP")
                .hasMessageContaining("100.0 MP");
    }

    @Test
    void renderRefusesBeforeTheDecoderIsCalled() {
        AtomicInteger decodes = new AtomicInteger();
        Decoder counting = (data, info, w, h) -> {
            decodes.incrementAndGet();
            return new ImageIoDecoder().decode(data, info, w, h);
        };
        ImageResizer resizer = new ImageResizer(Limits.DEFAULT, counting, new ImageIoJpegEncoder(), new ImageIoPngEncoder());
        assertThatThrownBy(() -> resizer.render(bomb, THUMB)).isInstanceOf(ImageTooLargeException.class)
                .satisfies(e -> assertThat(((ResizerException) e).reason()).isEqualTo("too-large"))
                .satisfies(e -> assertThat(((ResizerException) e).retryable()).isFalse());

        assertThat(decodes).hasValue(0);
        Decoded small = counting.decode(Codecs.png(Pictures.asymmetric(8, 8)), resizer.inspect(Codecs.png(
                Pictures.asymmetric(8, 8))), 8, 8);
        assertThat(small.pixels().width()).as("the counting decoder itself works").isEqualTo(8);
        assertThat(decodes).hasValue(1);
    }

    /**
     * Bug: the pixel limit ignored samples per pixel, so a 29 KB TIFF of 120x80 pixels declaring
     * 41219 samples per pixel (found by the damaged-header test) made the decoder allocate ~400 MB.
     */
    @Test
    void regressionTiffWithHugeSamplesPerPixelWasDecodedIntoHundredsOfMegabytes() {
        byte[] tiff = TiffFiles.rgb(Pictures.asymmetric(120, 80), 1);
        int entry = findTiffEntry(tiff, 277);
        tiff[entry + 8] = (byte) 0x03;
        tiff[entry + 9] = (byte) 0xA1;

        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT).inspect(tiff))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("41219 samples per pixel");
    }

    /** Offset of the little-endian IFD0 entry for {@code tag}. */
    private static int findTiffEntry(byte[] tiff, int tag) {
        int ifd = (tiff[4] & 0xFF) | (tiff[5] & 0xFF) << 8;
        int count = (tiff[ifd] & 0xFF) | (tiff[ifd + 1] & 0xFF) << 8;
        for (int i = 0; i < count; i++) {
            int at = ifd + 2 + 12 * i;
            if (((tiff[at] & 0xFF) | (tiff[at + 1] & 0xFF) << 8) == tag) {
                return at;
            }
        }
        throw new AssertionError("no TIFF tag " + tag);
    }

    /**
     * Bug: only the GIF screen size was checked; a 16x16 screen whose first frame declares
     * 20000x20000 passed the limit and the GIF reader allocated 400 MB (OutOfMemoryError at 64 MB).
     */
    @Test
    void regressionGifFrameLargerThanItsScreenBypassedThePixelLimit() {
        byte[] gif = Codecs.gif(Pictures.patches(16, 16, 0xFF0000, 0xFF00, 0xFF, 0xFFFF00));
        int descriptor = Codecs.firstGifImageDescriptor(gif);
        Codecs.putShortLe(gif, descriptor + 5, 20_000);
        Codecs.putShortLe(gif, descriptor + 7, 20_000);

        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT).inspect(gif))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("20000x20000");
    }

    /**
     * Bug: only the WebP canvas (VP8X) size was checked; a 64x64 canvas holding a VP8 bitstream
     * that declares 16000x16000 passed the limit and the decoder ran out of a 64 MB heap.
     */
    @Test
    void regressionWebpBitstreamLargerThanItsCanvasBypassedThePixelLimit() {
        byte[] webp = Codecs.resource("half-transparent-lossy.webp");
        int vp8 = riffChunk(webp, "VP8 ");
        for (int at : new int[] {vp8 + 14, vp8 + 16}) {
            webp[at] = (byte) 16_000;
            webp[at + 1] = (byte) (16_000 >> 8);
        }

        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT).inspect(webp))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("16000x16000");
    }

    @Test
    void animatedWebpFirstFrameCountsForTheLimit() {
        byte[] webp = Codecs.resource("animated-3-frames.webp");
        int vp8 = riffChunk(webp, "VP8 ");
        for (int at : new int[] {vp8 + 14, vp8 + 16}) {
            webp[at] = (byte) 16_000;
            webp[at + 1] = (byte) (16_000 >> 8);
        }

        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT).inspect(webp))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("16000x16000");
    }

    /** Offset of the first chunk header named {@code fourcc}, searched as bytes (also inside ANMF). */
    private static int riffChunk(byte[] webp, String fourcc) {
        byte[] name = fourcc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 12; i + 4 <= webp.length; i++) {
            if (java.util.Arrays.equals(webp, i, i + 4, name, 0, 4)) {
                return i;
            }
        }
        throw new AssertionError("no " + fourcc + " chunk");
    }

    @Test
    void jpegHeaderClaimingHugeSizeIsRefusedToo() {
        byte[] jpeg = Codecs.jpeg(Pictures.asymmetric(16, 16), 80);
        int sof = JpegSegments.find(jpeg, 0xC0, 2);
        jpeg[sof + 5] = (byte) 0xEA;
        jpeg[sof + 6] = 0x60;
        jpeg[sof + 7] = (byte) 0xEA;
        jpeg[sof + 8] = 0x60;

        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT).render(jpeg, THUMB))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("60000x60000");
    }

    @Test
    void gifScreenClaimingHugeSizeIsRefusedToo() {
        byte[] gif = Codecs.gif(Pictures.asymmetric(16, 16));
        gif[6] = (byte) 0xFF;
        gif[7] = (byte) 0xFF;
        gif[8] = (byte) 0xFF;
        gif[9] = (byte) 0xFF;

        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT).render(gif, THUMB))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("65535x65535");
    }
}
