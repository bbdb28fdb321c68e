package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The time budget per image: a budget of one millisecond per megapixel cannot be met by any
 * render, so every format's decode loop, or the encoder after a decode fast enough to slip under
 * it (an uncompressed TIFF), must notice and refuse the image as too slow.
 */
class TimeBudgetTest {

    private static final BufferedImage PICTURE = Pictures.waves(2400, 1800);
    private static final Limits ONE_MS_PER_MEGAPIXEL = new Limits(256L << 20, 100_000_000L, 1000, 1);
    private static final Rendition FULL = Rendition.parse("full", "2400");

    @Test
    void jpegOverItsBudgetIsTooSlowNotRetryable() {
        expectTooSlow(Codecs.jpeg(PICTURE, 90), "JPEG 2400x1800");
    }

    @Test
    void progressiveJpegOverItsBudgetIsTooSlow() {
        expectTooSlow(Codecs.progressiveJpeg(PICTURE, 90), "JPEG 2400x1800");
    }

    @Test
    void pngOverItsBudgetIsTooSlow() {
        expectTooSlow(Codecs.png(PICTURE), "PNG 2400x1800");
    }

    @Test
    void tiffOverItsBudgetIsTooSlow() {
        expectTooSlow(Codecs.tiff(PICTURE), "TIFF 2400x1800");
    }

    @Test
    void imageIoDecodeOverItsBudgetIsTooSlow() {
        expectTooSlow(Codecs.bmp(PICTURE), "BMP 2400x1800");
    }

    @Test
    void theDefaultBudgetLetsTheSameImageThrough() {
        RenditionResult out = new ImageResizer(Limits.DEFAULT).render(Codecs.png(PICTURE), FULL);

        assertThat(out.width()).isEqualTo(2400);
    }

    @Test
    void budgetIsPerMegapixelWithFiveMegapixelsAtLeast() {
        assertThat(TimeBudget.millisFor(12_000_000, 3000)).isEqualTo(36_000);
        assertThat(TimeBudget.millisFor(100, 3000)).isEqualTo(15_000);
    }

    @Test
    void noBudgetIsLeftOnTheThreadAfterARendering() {
        catchThrowableOfType(TooSlowException.class,
                () -> new ImageResizer(ONE_MS_PER_MEGAPIXEL).render(Codecs.png(PICTURE), FULL));

        TimeBudget.check();
        assertThat(TimeBudget.spent()).isFalse();
    }

    private static void expectTooSlow(byte[] data, String image) {
        TooSlowException e = catchThrowableOfType(TooSlowException.class,
                () -> new ImageResizer(ONE_MS_PER_MEGAPIXEL).render(data, FULL));

        assertThat(e).as("refused as too slow").isNotNull();
        assertThat(e.reason()).isEqualTo("too-slow");
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining(image).hasMessageContaining("time budget of 5 ms");
    }
}
