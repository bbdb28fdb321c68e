package dev.s3resizer.core.warmup;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.resample.Simd;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * For a long-running process with the Vector API on ({@link Simd#enabled()}): renders sample
 * images on a background thread at start, so that C2 has compiled the vector code before the
 * first upload. Until then every vector operation runs as an interpreted call and an object, and
 * the first uploads of a fresh {@code serve} paid for it (figures in docs/cold-start.md). Without
 * the module the scalar loops warm up as fast as any code, so nothing is started. Best effort: a
 * failure only leaves the first uploads slower. {@code -Dresizer.warmup=false} turns it off.
 *
 * <p>{@code VectorWarmUp.start();}
 */
public final class VectorWarmUp {

    /** Renders of each sample: enough calls for C2 to compile the row loops (about 10,000 rows). */
    static final int ROUNDS = 12;

    private VectorWarmUp() {
    }

    /** Starts the warm-up on a low-priority daemon thread, or returns null when there is nothing to warm. */
    public static Thread start() {
        if (!Simd.enabled() || "false".equals(System.getProperty("resizer.warmup"))) {
            return null;
        }
        return Thread.ofPlatform().daemon().name("resizer-warm-up").priority(Thread.MIN_PRIORITY)
                .start(VectorWarmUp::run);
    }

    /**
     * Renders a baseline JPEG and a PNG of a generated photo {@link #ROUNDS} times each to two
     * JPEG sizes (resampler and encoder lanes both run); the number of renders done.
     */
    static int run() {
        int done = 0;
        try {
            BufferedImage photo = SampleImages.photo(1200, 900, false);
            List<byte[]> samples = List.of(SampleImages.png(photo), SampleImages.jpeg(photo, false));
            List<Rendition> renditions = List.of(Rendition.parse("small", "320"), Rendition.parse("medium", "800"));
            ImageResizer resizer = new ImageResizer(Limits.DEFAULT);
            for (int i = 0; i < ROUNDS && !Thread.currentThread().isInterrupted(); i++) {
                for (byte[] sample : samples) {
                    resizer.render(sample, renditions);
                    done++;
                }
            }
        } catch (ResizerException | OutOfMemoryError e) {
            // Best effort: without the warm-up only the first uploads are slower.
        }
        return done;
    }
}
