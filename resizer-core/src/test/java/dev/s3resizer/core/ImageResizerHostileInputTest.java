package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.fixture.Similarity;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Files that lie about what they are, are not images at all, or stop half-way: the format comes
 * from the bytes, never the name, and anything unreadable fails with one of the core's exceptions
 * and a message that names the problem, never a raw ImageIO or runtime error.
 */
class ImageResizerHostileInputTest {

    private static final BufferedImage PICTURE = Pictures.asymmetric(120, 80);
    private static final Rendition SMALL = Rendition.parse("small", "60,jpeg");
    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    @Test
    void pngNamedJpgIsReadAsPng(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("holiday.jpg"), Codecs.png(PICTURE));

        byte[] bytes = Files.readAllBytes(file);

        assertThat(resizer.inspect(bytes).format()).isEqualTo(ImageFormat.PNG);
        assertThat(resizer.render(bytes, SMALL).width()).isEqualTo(60);
    }

    @Test
    void fileWithoutExtensionIsRecognised(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("upload"), Codecs.jpeg(PICTURE, 90));

        ImageInfo info = resizer.inspect(Files.readAllBytes(file));

        assertThat(info.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(info.width()).isEqualTo(120);
        assertThat(info.height()).isEqualTo(80);
    }

    @Test
    void emptyFileIsUnsupportedAndSaysEmpty() {
        assertThatThrownBy(() -> resizer.render(new byte[0], SMALL))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("empty")
                .satisfies(e -> assertThat(((ResizerException) e).retryable()).isFalse())
                .satisfies(e -> assertThat(((ResizerException) e).reason()).isEqualTo("unsupported"));
    }

    @Test
    void textFileIsUnsupportedAndSaysNoKnownFormat() {
        byte[] text = "Dear customer,\nplease find attached...\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> resizer.render(text, SMALL))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("no known format");
    }

    @Test
    void heicIsRecognisedButRefusedWithItsName() {
        byte[] heic = new byte[64];
        System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
        System.arraycopy("ispe\0\0\0\0\0\0\u0010\0\0\0\u000c\0".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 24, 16);

        assertThat(ImageProbe.detect(heic)).isEqualTo(ImageFormat.HEIC);
        assertThatThrownBy(() -> resizer.render(heic, SMALL))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("HEIC")
                .hasMessageContaining("4096x3072");
    }

    @Test
    void jpegCutBeforeItsFrameHeaderIsCorrupt() {
        byte[] jpeg = Codecs.jpeg(PICTURE, 90);
        int sof = JpegSegments.find(jpeg, 0xC0, 2);

        assertThatThrownBy(() -> resizer.render(JpegSegments.truncate(jpeg, sof), SMALL))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("JPEG")
                .hasMessageContaining("truncated");
    }

    @ParameterizedTest(name = "progressive={0}")
    @ValueSource(booleans = {false, true})
    void jpegCutInItsImageDataIsCorrupt(boolean progressive) {
        byte[] jpeg = progressive ? Codecs.progressiveJpeg(PICTURE, 90) : Codecs.jpeg(PICTURE, 90);
        int scan = JpegSegments.find(jpeg, 0xDA, 2);
        byte[] cut = JpegSegments.truncate(jpeg, scan + (jpeg.length - scan) / 2);

        assertThatThrownBy(() -> resizer.render(cut, SMALL))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("JPEG")
                .hasMessageContaining("truncated");
    }

    /**
     * Bug: a baseline JPEG whose image data is complete but whose last two bytes (the EOI marker)
     * are missing was refused as truncated, though every viewer shows it whole.
     */
    @Test
    void regressionBaselineJpegMissingOnlyItsEoiMarkerWasRefused() {
        byte[] noEoi = JpegSegments.truncate(Codecs.jpeg(PICTURE, 90), Codecs.jpeg(PICTURE, 90).length - 2);

        RenditionResult result = resizer.render(noEoi, Rendition.parse("full", "1000,png"));

        assertThat(Similarity.meanAbsDiff(Codecs.decode(result.bytes()), PICTURE)).isLessThan(3);
    }

    /**
     * A progressive JPEG without its EOI cannot be told apart from an upload cut between two scans,
     * which would make a silently blurred rendition: it is refused as truncated.
     */
    @Test
    void progressiveJpegWithoutEoiIsRefusedAsTruncated() {
        byte[] jpeg = Codecs.progressiveJpeg(PICTURE, 90);
        byte[] noEoi = JpegSegments.truncate(jpeg, jpeg.length - 2);

        assertThatThrownBy(() -> resizer.render(noEoi, SMALL))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void pngCutInsideItsHeaderIsCorrupt() {
        byte[] cut = JpegSegments.truncate(Codecs.png(PICTURE), 14);

        assertThatThrownBy(() -> resizer.render(cut, SMALL))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("PNG");
    }

    @Test
    void pngCutInItsImageDataIsCorrupt() {
        byte[] png = Codecs.png(PICTURE);
        int idat = PngChunks.find(png, "IDAT");
        byte[] cut = JpegSegments.truncate(png, idat + (png.length - idat) / 2);

        assertThatThrownBy(() -> resizer.render(cut, SMALL))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("PNG");
    }

    /** Bug: a BMP, TIFF or WebP cut short failed with "cannot decode: EOFException", a class name, not a reason. */
    @Test
    void regressionTruncatedFileMessageWasABareEofException() {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("BMP", Codecs.bmp(PICTURE));
        inputs.put("TIFF", Codecs.tiff(PICTURE));
        inputs.put("WEBP", Codecs.resource("patches-lossy.webp"));
        inputs.forEach((format, bytes) -> assertThatThrownBy(() -> resizer.render(Arrays.copyOf(bytes, bytes.length / 2), SMALL))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining(format)
                .hasMessageContaining("truncated")
                .hasMessageNotContaining("EOFException"));
    }

    @Test
    void damagedExifBlocksDoNotStopDecoding() {
        byte[] good = dev.s3resizer.core.fixture.ExifBlock.bigEndian().orientation(6).make("Cam").gps(1, 2).toTiff();
        byte[] noise = new byte[200];
        new java.util.Random(2).nextBytes(noise);
        System.arraycopy(new byte[] {'M', 'M', 0, 42}, 0, noise, 0, 4);
        for (byte[] tiff : java.util.List.of(noise, Arrays.copyOf(good, 20), Arrays.copyOf(good, good.length / 2))) {
            byte[] jpeg = JpegSegments.insert(Codecs.jpeg(PICTURE, 90), JpegSegments.exif(tiff));
            byte[] png = PngChunks.insertAfterHeader(Codecs.png(PICTURE), PngChunks.exif(tiff));

            assertThat(resizer.render(jpeg, SMALL).width()).isPositive();
            assertThat(resizer.render(png, SMALL).width()).isPositive();
        }
    }

    /**
     * Seeded random damage to the first 200 bytes: success or one of the core's exceptions, nothing
     * else. A 1 MP limit keeps damaged sizes from turning into seconds of decoding.
     */
    @Test
    void randomlyDamagedHeadersFailCleanly() {
        ImageResizer small = new ImageResizer(new Limits(1 << 20, 1_000_000, 10));
        java.util.Random random = new java.util.Random(20240501);
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("jpeg", Codecs.jpeg(PICTURE, 90));
        inputs.put("png", Codecs.png(PICTURE));
        inputs.put("gif", Codecs.gif(PICTURE));
        inputs.put("bmp", Codecs.bmp(PICTURE));
        inputs.put("tiff", Codecs.tiff(PICTURE));
        inputs.put("webp", Codecs.resource("half-transparent-lossy.webp"));
        inputs.forEach((name, bytes) -> {
            for (int round = 0; round < 100; round++) {
                byte[] damaged = bytes.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    damaged[random.nextInt(Math.min(200, damaged.length))] = (byte) random.nextInt(256);
                }
                Throwable thrown = catchThrowable(() -> small.render(damaged, SMALL));
                assertThat(thrown).as("%s round %d", name, round)
                        .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ResizerException.class));
            }
        });
    }

    @Test
    void everyTruncationOfEveryFormatFailsCleanlyOrDecodes() {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("jpeg", Codecs.jpeg(PICTURE, 90));
        inputs.put("progressive jpeg", Codecs.progressiveJpeg(PICTURE, 90));
        inputs.put("png", Codecs.png(PICTURE));
        inputs.put("gif", Codecs.gif(PICTURE));
        inputs.put("bmp", Codecs.bmp(PICTURE));
        inputs.put("tiff", Codecs.tiff(PICTURE));
        inputs.put("webp", Codecs.resource("patches-lossy.webp"));
        inputs.put("webp lossless", Codecs.resource("half-transparent-lossless.webp"));
        inputs.forEach((name, bytes) -> {
            for (int i = 1; i < 24; i++) {
                byte[] cut = Arrays.copyOf(bytes, bytes.length * i / 24);
                Throwable thrown = catchThrowable(() -> resizer.render(cut, SMALL));
                assertThat(thrown).as("%s cut to %d of %d bytes", name, cut.length, bytes.length)
                        .satisfiesAnyOf(t -> assertThat(t).isNull(),
                                t -> assertThat(t).isInstanceOfAny(CorruptImageException.class,
                                        UnsupportedImageException.class));
            }
        });
    }
}
