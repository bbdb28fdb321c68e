package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.UnsupportedImageException;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.ExifBlock;
import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.fixture.TiffFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading headers from bytes alone: format, size, frames, orientation, colour hints. */
class ImageProbeTest {

    private static final BufferedImage PICTURE = Pictures.asymmetric(123, 45);

    @Test
    void sizeAndFormatOfEveryWritableFormat() {
        expect(Codecs.png(PICTURE), ImageFormat.PNG, 123, 45);
        expect(Codecs.jpeg(PICTURE, 80), ImageFormat.JPEG, 123, 45);
        expect(Codecs.progressiveJpeg(PICTURE, 80), ImageFormat.JPEG, 123, 45);
        expect(Codecs.gif(PICTURE), ImageFormat.GIF, 123, 45);
        expect(Codecs.bmp(PICTURE), ImageFormat.BMP, 123, 45);
        expect(Codecs.tiff(PICTURE), ImageFormat.TIFF, 123, 45);
        expect(TiffFiles.rgb(PICTURE, 1), ImageFormat.TIFF, 123, 45);
    }

    @ParameterizedTest
    @ValueSource(strings = {"patches-lossy.webp", "half-transparent-lossless.webp", "half-transparent-lossy.webp"})
    void webpSizeFromVp8Vp8lAndVp8x(String name) {
        expect(Codecs.resource(name), ImageFormat.WEBP, 64, 64);
    }

    @Test
    void topDownBmpHasAPositiveHeight() {
        byte[] bmp = Codecs.bmp(PICTURE);
        ByteBuffer.wrap(bmp, 22, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(-45);

        expect(bmp, ImageFormat.BMP, 123, 45);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegOrientationInBothByteOrders(int orientation) {
        for (ExifBlock exif : List.of(ExifBlock.bigEndian(), ExifBlock.littleEndian())) {
            byte[] jpeg = JpegSegments.insert(Codecs.jpeg(PICTURE, 80),
                    JpegSegments.exif(exif.make("Cam").orientation(orientation).gps(1, 2).toTiff()));

            ImageInfo info = ImageProbe.probe(jpeg);

            assertThat(info.orientation()).isEqualTo(orientation);
            assertThat(info.transposed()).isEqualTo(orientation >= 5);
            assertThat(info.displayWidth()).isEqualTo(orientation >= 5 ? 45 : 123);
        }
    }

    @Test
    void pngOrientationFromExifChunk() {
        byte[] png = PngChunks.insertAfterHeader(Codecs.png(PICTURE),
                PngChunks.exif(ExifBlock.littleEndian().orientation(8).toTiff()));

        assertThat(ImageProbe.probe(png).orientation()).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 255})
    void invalidOrientationCountsAsNone(int orientation) {
        byte[] jpeg = JpegSegments.insert(Codecs.jpeg(PICTURE, 80),
                JpegSegments.exif(ExifBlock.bigEndian().orientation(orientation).toTiff()));

        assertThat(ImageProbe.probe(jpeg).orientation()).isEqualTo(1);
    }

    @Test
    void iccProfilesAreNoticed() {
        byte[] profile = IccProfiles.profile(IccProfiles.RgbSpace.DISPLAY_P3);

        assertThat(ImageProbe.probe(Codecs.jpeg(PICTURE, 80)).hasIccProfile()).isFalse();
        assertThat(ImageProbe.probe(JpegSegments.insert(Codecs.jpeg(PICTURE, 80), JpegSegments.icc(profile)))
                .hasIccProfile()).isTrue();
        assertThat(ImageProbe.probe(PngChunks.insertAfterHeader(Codecs.png(PICTURE), PngChunks.iccp("p", profile)))
                .hasIccProfile()).isTrue();
    }

    @Test
    void cmykJpegIsMarked() {
        ImageInfo info = ImageProbe.probe(Codecs.resource("cmyk-no-profile.jpg"));

        assertThat(info.cmyk()).isTrue();
        assertThat(ImageProbe.probe(Codecs.jpeg(PICTURE, 80)).cmyk()).isFalse();
    }

    @Test
    void framesOfAnimatedGifAndApng() {
        byte[] gif = Codecs.animatedGif(List.of(PICTURE, PICTURE, PICTURE, PICTURE));
        byte[] apng = PngChunks.insertAfterHeader(Codecs.png(PICTURE),
                PngChunks.chunk("acTL", ByteBuffer.allocate(8).putInt(7).putInt(0).array()));

        assertThat(ImageProbe.probe(gif).frames()).isEqualTo(4);
        assertThat(ImageProbe.probe(apng).frames()).isEqualTo(7);
        assertThat(ImageProbe.probe(Codecs.png(PICTURE)).frames()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"heic, HEIC", "mif1, HEIC", "avif, AVIF"})
    void heifFamilyIsRecognisedWithItsSize(String brand, ImageFormat format) {
        byte[] file = new byte[64];
        put(file, 0, "\0\0\0\u0018ftyp" + brand);
        put(file, 24, "ispe\0\0\0\0\0\0\u0010\0\0\0\u000c\0");

        ImageInfo info = ImageProbe.probe(file);

        assertThat(info.format()).isEqualTo(format);
        assertThat(info.width()).isEqualTo(4096);
        assertThat(info.height()).isEqualTo(3072);
        assertThat(format.decodable()).isFalse();
    }

    @Test
    void formatComesFromMagicNumbersOnly() {
        assertThat(ImageProbe.detect("GIF87a....".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(ImageFormat.GIF);
        assertThat(ImageProbe.detect("MM\0*\0\0\0\u0008".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(ImageFormat.TIFF);
        assertThat(ImageProbe.detect("<svg xmlns=...".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(ImageProbe.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
        assertThat(ImageProbe.detect(new byte[0])).isNull();
    }

    @Test
    void unknownBytesAreUnsupportedWithAHexPreview() {
        assertThatThrownBy(() -> ImageProbe.probe("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("0x255044462d312e37");
    }

    @Test
    void zeroSizedHeadersAreCorrupt() {
        byte[] png = Codecs.png(PICTURE);
        Arrays.fill(png, 16, 20, (byte) 0);
        byte[] gif = Codecs.gif(PICTURE);
        gif[6] = 0;
        gif[7] = 0;

        assertThatThrownBy(() -> ImageProbe.probe(png)).isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("PNG").hasMessageContaining("0x45");
        assertThatThrownBy(() -> ImageProbe.probe(gif)).isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("GIF");
    }

    /**
     * Bug: out-of-range reads return -1, which the WebP probe masked into 16383x16383, so a cut
     * WebP was refused as "268 MP, over the limit" instead of reported as truncated.
     */
    @ParameterizedTest
    @CsvSource({"patches-lossy.webp, 30", "half-transparent-lossless.webp, 25"})
    void regressionTruncatedWebpWasReportedAsTooLarge(String name, int sizeFieldsEnd) {
        byte[] webp = Codecs.resource(name);
        for (int length = 12; length < sizeFieldsEnd; length++) {
            byte[] cut = Arrays.copyOf(webp, length);
            assertThatThrownBy(() -> ImageProbe.probe(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(CorruptImageException.class)
                    .hasMessageContaining("WebP");
        }
    }

    /**
     * Bug: a lossy WebP whose VP8 start code (9d 01 2a) was damaged was accepted and decoded into
     * noise; a lossless one without its 0x2f signature likewise. Both are corrupt.
     */
    @Test
    void regressionWebpWithBadVp8StartCodeWasAccepted() {
        byte[] lossy = Codecs.resource("patches-lossy.webp");
        int vp8 = indexOf(lossy, "VP8 ");
        byte[] badStart = lossy.clone();
        badStart[vp8 + 8 + 4] = 0x02;
        assertThatThrownBy(() -> ImageProbe.probe(badStart)).isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("bad VP8 start code 9d 02 2a");
        byte[] interFrame = lossy.clone();
        interFrame[vp8 + 8] |= 1;
        assertThatThrownBy(() -> ImageProbe.probe(interFrame)).isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("key frame");
        byte[] lossless = Codecs.resource("half-transparent-lossless.webp");
        byte[] badSignature = lossless.clone();
        badSignature[indexOf(lossless, "VP8L") + 8] = 0x2E;
        assertThatThrownBy(() -> ImageProbe.probe(badSignature)).isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("bad VP8L signature 2e");
    }

    /**
     * Bug (found by ProbeFuzzTest): a BMP height of -2^31, "top-down", was negated into
     * Integer.MIN_VALUE and reported as the image's height; its negative pixel count passed the
     * pixel limit.
     */
    @Test
    void regressionBmpHeightOfMinusTwoToThe31WasReportedNegative() {
        byte[] bmp = java.util.Base64.getDecoder().decode("Qk1HlgMAAAANAABHAAH/AAAAAQAqAAAAAIAAAA==");

        assertThatThrownBy(() -> ImageProbe.probe(bmp)).isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("BMP: header declares an invalid size");
    }

    private static int indexOf(byte[] data, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + t.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + t.length, t, 0, t.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException(text + " not found");
    }

    private static void expect(byte[] data, ImageFormat format, int width, int height) {
        ImageInfo info = ImageProbe.probe(data);
        assertThat(info.format()).isEqualTo(format);
        assertThat(info.width()).as("%s width", format).isEqualTo(width);
        assertThat(info.height()).as("%s height", format).isEqualTo(height);
        assertThat(info.frames()).isEqualTo(1);
        assertThat(info.orientation()).isEqualTo(1);
    }

    private static void put(byte[] target, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, target, at, bytes.length);
    }
}
