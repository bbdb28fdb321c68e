package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.Similarity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryBudgetTest {

    private static final int[] PATCHES = {0xC83C28, 0x2878C8, 0xF0DC3C, 0x5A5A5A};

    @Test
    void workThatCanNeverFitIsRefusedAsTooLargeSayingWhatItNeeds() {
        MemoryBudget budget = new MemoryBudget(8L << 20);

        assertThatThrownBy(() -> budget.admit(20L << 20, "this 5000x1000 PNG"))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> {
                    assertThat(e.reason()).isEqualTo("too-large");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("this 5000x1000 PNG would need about 20.0 MiB")
                            .contains("more than the 8.0 MiB");
                });
        assertThat(budget.available()).isEqualTo(8L << 20);
    }

    @Test
    void workThatFitsLaterWaitsForTheWorkAheadToHandBackItsMemory() throws Exception {
        MemoryBudget budget = new MemoryBudget(8L << 20);
        MemoryBudget.Permit first = budget.admit(6L << 20, "first");
        Thread[] waiter = new Thread[1];
        CompletableFuture<MemoryBudget.Permit> second = CompletableFuture.supplyAsync(() -> {
            waiter[0] = Thread.currentThread();
            return budget.admit(4L << 20, "second");
        });
        while (waiter[0] == null || waiter[0].getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertThat(second).isNotDone();

        first.close();
        first.close();

        try (MemoryBudget.Permit admitted = second.get()) {
            assertThat(budget.available()).isEqualTo(4L << 20);
        }
        assertThat(budget.available()).isEqualTo(8L << 20);
    }

    @Test
    void theHeapShareIsReadFromItsPropertyAndCheckedWhenSet() {
        assertThat(MemoryBudget.share(null)).isEqualTo(MemoryBudget.HEAP_SHARE);
        assertThat(MemoryBudget.share("0.5")).isEqualTo(0.5);
        assertThatThrownBy(() -> MemoryBudget.share("2")).hasMessageContaining("resizer.memory.share")
                .hasMessageContaining("from 0.1 to 0.95 but got 2");
        assertThatThrownBy(() -> MemoryBudget.share("half")).hasMessageContaining("but got half");
    }

    @Test
    void theResizerRefusesBeforeDecodingWhatItsBudgetCannotHold() {
        ImageResizer resizer = new ImageResizer(Limits.DEFAULT, ImageResizer.DEFAULT_REDUCING_GAP,
                new MemoryBudget(2L << 20));
        byte[] png = Codecs.png(Pictures.patches(1200, 1000, PATCHES));

        assertThatThrownBy(() -> resizer.render(png, Rendition.parse("m", "1000")))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageStartingWith("this 1200x1000 PNG (decoded for 1200x1000) would need about")
                .hasMessageContaining("refused before decoding");
    }

    /**
     * A progressive JPEG whose coefficients at the usual scale would not fit is decoded at 1/8
     * keeping only DC: still the rendition's size, and close to the usual decode.
     */
    @Test
    void aProgressiveJpegOverTheBudgetAtTheUsualScaleRendersFromALeanDecode() {
        byte[] jpeg = Codecs.progressiveJpeg(Pictures.waves(4000, 3000), 90);
        List<Rendition> renditions = List.of(Rendition.parse("m", "400"));
        RenditionResult usual = new ImageResizer(Limits.DEFAULT).render(jpeg, renditions).getFirst();
        ImageResizer tight = new ImageResizer(Limits.DEFAULT, ImageResizer.DEFAULT_REDUCING_GAP,
                new MemoryBudget(jpeg.length + (5L << 20)));

        RenditionResult lean = tight.render(jpeg, renditions).getFirst();

        assertThat(lean.width()).isEqualTo(400);
        assertThat(lean.height()).isEqualTo(300);
        assertThat(Similarity.psnr(Codecs.decode(lean.bytes()), Codecs.decode(usual.bytes()))).isGreaterThan(30);
        assertThatThrownBy(() -> new ImageResizer(Limits.DEFAULT, ImageResizer.DEFAULT_REDUCING_GAP,
                new MemoryBudget(jpeg.length + (1L << 20))).render(jpeg, renditions))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("decoded for 400x300");
    }

    /**
     * Bug: a 35-byte GIF claiming a 10000x10000 screen around one pixel made a 400 MB canvas; the
     * screen is now drawn at the size the renditions need, the frame where it belongs on it.
     */
    @Test
    void regressionGifScreenWasDrawnAtTheSizeItsHeaderClaims() {
        byte[] gif = Codecs.gifOnScreen(Pictures.patches(400, 400, PATCHES), 4000, 4000, 2000, 0);
        ImageResizer resizer = new ImageResizer(Limits.DEFAULT, ImageResizer.DEFAULT_REDUCING_GAP,
                new MemoryBudget(8L << 20));

        RenditionResult result = resizer.render(gif, Rendition.parse("g", "400,png"));

        var out = Codecs.decode(result.bytes());
        assertThat(result.width()).isEqualTo(400);
        assertThat(Similarity.alpha(out, 100, 100)).isZero();
        assertThat(Similarity.alpha(out, 205, 5)).isEqualTo(255);
        assertThat(Similarity.rgb(out, 205, 5)).containsExactly(200, 60, 40);
        assertThat(Similarity.rgb(out, 235, 35)).containsExactly(90, 90, 90);
        assertThat(Similarity.alpha(out, 300, 100)).isZero();
    }
}
