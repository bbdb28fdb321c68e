package dev.s3resizer.core.jpeg.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.encode.ImageIoJpegEncoder;
import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JpegEncoderTest {

    private final JpegEncoder encoder = new JpegEncoder();

    private static Rendition quality(int q) {
        return Rendition.builder("t").quality(q).build();
    }

    @Test
    void colourAtQuality80IsFaithful() {
        Pixels pixels = SyntheticImages.rgb(640, 480, 1);
        byte[] jpeg = encoder.encode(pixels, quality(80));
        assertThat(DecodedJpeg.of(jpeg).psnr(pixels)).isGreaterThanOrEqualTo(35);
        assertThat(jpeg.length).isLessThan(640 * 480 * 3 / 8);
    }

    @Test
    void higherQualityGivesBetterPicturesAndLargerFiles() {
        Pixels pixels = SyntheticImages.rgb(320, 240, 2);
        double lastPsnr = 0;
        int lastSize = 0;
        for (int q : new int[] {10, 30, 50, 75, 90, 98}) {
            byte[] jpeg = encoder.encode(pixels, quality(q));
            double psnr = DecodedJpeg.of(jpeg).psnr(pixels);
            assertThat(psnr).as("PSNR at q%d", q).isGreaterThan(lastPsnr);
            assertThat(jpeg.length).as("size at q%d", q).isGreaterThan(lastSize);
            lastPsnr = psnr;
            lastSize = jpeg.length;
        }
    }

    @Test
    void grayIsOneComponentAndFaithful() {
        Pixels pixels = SyntheticImages.gray(333, 251, 3);
        byte[] jpeg = encoder.encode(pixels, quality(80));
        JpegSegments segments = JpegSegments.parse(jpeg);
        assertThat(segments.components()).isEqualTo(1);
        assertThat(segments.quantisationTables()).hasSize(1);
        assertThat(DecodedJpeg.of(jpeg).psnr(pixels)).isGreaterThanOrEqualTo(35);
    }

    /**
     * Tiny colour pictures lose much to 4:2:0, as they do in libjpeg: the reference is ImageIO's
     * writer (above 45 dB, rounding decides, so that is enough).
     */
    @ParameterizedTest
    @CsvSource({"1, 1", "2, 3", "17, 9", "16, 16", "15, 17", "1001, 751", "7, 300", "300, 7", "300, 9"})
    void oddSizesDecodeToTheSameSizeAndPictureAsImageIo(int width, int height) {
        for (int channels : new int[] {1, 3}) {
            Pixels pixels = channels == 3 ? SyntheticImages.rgb(width, height, 4) : SyntheticImages.gray(width, height, 4);
            byte[] jpeg = encoder.encode(pixels, quality(90));
            byte[] reference = new ImageIoJpegEncoder().encode(pixels, quality(90));
            String name = width + "x" + height + "x" + channels;
            assertThat(JpegSegments.parse(jpeg).frameSize()).as(name).containsExactly(width, height);
            double referencePsnr = DecodedJpeg.of(reference).psnr(pixels);
            assertThat(DecodedJpeg.of(jpeg).psnr(pixels)).as(name)
                    .isGreaterThan(Math.min(referencePsnr - 0.3, 45))
                    .isGreaterThan(channels == 1 ? 35 : 19);
            assertThat(jpeg.length).as(name).isLessThan(reference.length * 21 / 20 + 16);
            assertThat(DecodedJpeg.readableByAllReaders(jpeg)).isNotEmpty();
        }
    }

    @Test
    void flatColourSurvivesExactlyEnoughAtTheEdges() {
        Pixels pixels = Pixels.allocate(13, 11, 3);
        for (int i = 0; i < pixels.data().length; i += 3) {
            pixels.data()[i] = (byte) 200;
            pixels.data()[i + 1] = (byte) 30;
            pixels.data()[i + 2] = (byte) 90;
        }
        assertThat(DecodedJpeg.of(encoder.encode(pixels, quality(90))).psnr(pixels)).isGreaterThan(40);
    }

    @Test
    void writesOnlyTheMinimalJfifSegments() {
        byte[] jpeg = encoder.encode(SyntheticImages.rgb(100, 80, 5), quality(80));
        JpegSegments segments = JpegSegments.parse(jpeg);
        assertThat(segments.markers()).containsExactly(0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xC4, 0xDA);
        assertThat(new String(segments.first(0xE0).payload(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("JFIF\0");
        assertThat(jpeg[jpeg.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[jpeg.length - 1] & 0xFF).isEqualTo(0xD9);
        assertThat(markersInScan(jpeg)).as("only stuffed 0xFF00 inside the scan").isEmpty();
    }

    @Test
    void extremeQualitiesStillDecode() {
        Pixels pixels = SyntheticImages.rgb(64, 48, 6);
        assertThat(DecodedJpeg.of(encoder.encode(pixels, quality(1))).psnr(pixels)).isGreaterThan(15);
        Pixels gray = SyntheticImages.gray(64, 48, 6);
        assertThat(DecodedJpeg.of(encoder.encode(gray, quality(100))).psnr(gray)).isGreaterThan(50);
    }

    /** At quality 100 a black and white checkerboard has AC coefficients past baseline's 10 bits. */
    @Test
    void checkerboardAtQuality100StaysWithinBaselineCoefficientRange() {
        Pixels checker = Pixels.allocate(64, 64, 1);
        for (int i = 0; i < checker.data().length; i++) {
            checker.data()[i] = (byte) ((i % 64 + i / 64) % 2 == 0 ? 0 : 255);
        }
        byte[] jpeg = encoder.encode(checker, quality(100));
        assertThat(DecodedJpeg.readableByAllReaders(jpeg)).isNotEmpty();
        assertThat(DecodedJpeg.of(jpeg).psnr(checker)).isGreaterThan(30);
    }

    @Test
    void progressiveGoesToImageIo() {
        Pixels pixels = SyntheticImages.rgb(200, 150, 7);
        byte[] jpeg = encoder.encode(pixels, Rendition.builder("p").progressive(true).build());
        assertThat(JpegSegments.parse(jpeg).markers()).contains(0xC2);
        assertThat(DecodedJpeg.of(jpeg).psnr(pixels)).isGreaterThanOrEqualTo(35);
    }

    @Test
    void refusesAlphaWithAHint() {
        assertThatThrownBy(() -> encoder.encode(Pixels.allocate(4, 4, 4), quality(80)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flatten");
    }

    @Test
    void optimisedTablesBeatTheStandardOnes() {
        Pixels pixels = SyntheticImages.rgb(400, 300, 8);
        byte[] optimised = encoder.encode(pixels, quality(75));
        byte[] standard = new JpegEncoder(new ImageIoJpegEncoder(), false, true).encode(pixels, quality(75));
        assertThat(DecodedJpeg.of(standard).psnr(pixels)).isEqualTo(DecodedJpeg.of(optimised).psnr(pixels));
        assertThat(optimised.length).isLessThan(standard.length);
    }

    @Test
    void threadsSharingOneEncoderGetTheSameBytesAsOne() throws Exception {
        List<Pixels> images = List.of(SyntheticImages.rgb(300, 200, 9), SyntheticImages.rgb(1200, 90, 10),
                SyntheticImages.gray(77, 301, 11));
        List<byte[]> expected = images.stream().map(p -> encoder.encode(p, quality(80))).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int k = i % images.size();
                checks.add(pool.submit(() -> java.util.Arrays.equals(encoder.encode(images.get(k), quality(80)),
                        expected.get(k))));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        }
    }

    /** Positions of 0xFF bytes in the entropy-coded data not followed by 0x00 (the final EOI excepted). */
    private static List<Integer> markersInScan(byte[] jpeg) {
        JpegSegments segments = JpegSegments.parse(jpeg);
        int start = 2;
        for (JpegSegments.Segment s : segments.segments().subList(1, segments.segments().size())) {
            start += 4 + s.payload().length;
        }
        List<Integer> found = new ArrayList<>();
        for (int i = start; i < jpeg.length - 2; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && jpeg[i + 1] != 0) {
                found.add(i);
            }
        }
        return found;
    }
}
