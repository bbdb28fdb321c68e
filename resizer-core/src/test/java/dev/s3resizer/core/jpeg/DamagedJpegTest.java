package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Truncated and damaged JPEGs are refused with a message, never returned half grey; valid but
 * unsupported ones are reported as such, for the ImageIO fallback.
 */
class DamagedJpegTest {

    private static final BufferedImage PICTURE = JpegFixtures.picture(240, 176, 3);
    private static final ImageInfo INFO = new ImageInfo(ImageFormat.JPEG, 240, 176, 1, 1, false, false);

    @ParameterizedTest(name = "progressive={0}, restart={1}, cut at {2}%")
    @CsvSource({
        "false, 0, 60", "false, 0, 95", "false, 4, 50", "true, 0, 40", "true, 0, 90", "true, 2, 70"})
    void truncatedImageDataIsCorrupt(boolean progressive, int restart, int percent) {
        byte[] jpeg = JpegFixtures.jpeg(PICTURE, 2, 2, progressive, restart, 0.9f);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * percent / 100);

        for (int size : new int[] {240, 60, 30}) {
            assertThatThrownBy(() -> new ScaledJpegDecoder().decode(cut, INFO, size, 1))
                    .isInstanceOf(CorruptImageException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void baselineMissingItsLastBytesIsCorrupt() {
        byte[] jpeg = JpegFixtures.jpeg(PICTURE, 2, 2, false, 0, 0.9f);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length - 12);

        assertThatThrownBy(() -> new ScaledJpegDecoder().decode(cut, INFO, 240, 176))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("ends early");
    }

    @Test
    void fileCutInsideTheHeadersIsCorrupt() {
        byte[] jpeg = JpegFixtures.jpeg(PICTURE, 2, 2, false, 0, 0.9f);
        byte[] cut = Arrays.copyOf(jpeg, 300);

        assertThatThrownBy(() -> new ScaledJpegDecoder().decode(cut, INFO, 240, 176))
                .isInstanceOf(CorruptImageException.class);
    }

    @Test
    void bytesThatAreNotJpegAreCorrupt() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

        assertThatThrownBy(() -> new ScaledJpegDecoder().decode(png, INFO, 1, 1))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("not a JPEG");
    }

    /** Made with {@code jpegtran -arithmetic}: a valid JPEG the fast decoder leaves to ImageIO. */
    @Test
    void arithmeticCodingIsReportedAsUnsupported() {
        byte[] jpeg = JpegFixtures.resource("arithmetic.jpg");

        assertThatThrownBy(() -> new ScaledJpegDecoder().decode(jpeg, INFO, 1, 1))
                .isInstanceOf(UnsupportedJpegException.class)
                .hasMessageContaining("arithmetic");
    }

    @Test
    void completeImageWithoutEndMarkerStillDecodes() {
        byte[] jpeg = JpegFixtures.jpeg(PICTURE, 2, 2, false, 0, 0.9f);
        byte[] withoutEoi = Arrays.copyOf(jpeg, jpeg.length - 2);

        assertThat(new ScaledJpegDecoder().decode(withoutEoi, INFO, 240, 176).pixels().width()).isEqualTo(240);
    }
}
