package dev.s3resizer.core;

import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.resample.Plan;
import dev.s3resizer.core.resample.Resampler;
import dev.s3resizer.core.resample.Resampler.Halving;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Resamples one decoded source for every rendition, largest first, deriving a smaller rendition
 * from a larger one made from the source where that is as good ({@link #resampleAll}).
 */
final class CascadedResampling {

    private CascadedResampling() {
    }

    /**
     * A rendition is derived from a larger one only when that is at least this many times its size,
     * and only from one made straight from the decoded source: one extra filtering stage, never a
     * chain of them.
     */
    private static final int CASCADE_FACTOR = 2;

    /** How a {@link Source} resamples itself for a plan, halving along the axes asked. */
    interface Resampling {
        Pixels apply(Plan plan, Halving across, Halving down);
    }

    /** What renditions are resampled from: decoded pixels or planes, or palette indexes. */
    record Source(int width, int height, Resampling resampling) {
        static Source of(Pixels pixels) {
            return new Source(pixels.width(), pixels.height(), (plan, x, y) -> Resampler.resample(pixels, plan, x, y));
        }

        /** Palette images are never chroma, so never halved. */
        static Source of(Indexed indexed) {
            return new Source(indexed.width(), indexed.height(), (plan, x, y) -> Resampler.resample(indexed, plan));
        }
    }

    /**
     * Resamples {@code source} for every plan (already scaled to the source), largest output
     * first. A smaller rendition of the whole frame ({@code whole}) is derived from an earlier,
     * larger one made from the source when that is still at least {@link #CASCADE_FACTOR} times its
     * size (cascading): a fraction of the work of going back to the decoded source, for about the
     * same quality (800 px from 1600 px of a 12 MP photo: 51.6 dB against libvips' own 800 px
     * thumbnail, 51.8 straight from the source, Pillow 48.1). Outputs halved along an axis
     * ({@code across}, {@code down}: chroma of an odd side) are never a source for others: their
     * odd sample spans half of what the others do. Plans marked {@code skip} are left null.
     */
    static Pixels[] resampleAll(Source source, List<Plan> plans, boolean[] whole, boolean[] skip, Halving[] across,
                                Halving[] down) {
        Pixels[] out = new Pixels[plans.size()];
        boolean[] fromSource = new boolean[plans.size()];
        Integer[] order = new Integer[plans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(
                (Integer i) -> (long) plans.get(i).outWidth() * plans.get(i).outHeight()).reversed());
        for (int i : order) {
            if (skip[i]) {
                continue;
            }
            Plan plan = plans.get(i);
            Pixels from = null;
            if (whole[i]) {
                for (int j = 0; j < out.length; j++) {
                    Pixels done = out[j];
                    if (done != null && whole[j] && fromSource[j] && halving(across, j) == Halving.NONE
                            && halving(down, j) == Halving.NONE
                            && done.width() >= CASCADE_FACTOR * plan.outWidth()
                            && done.height() >= CASCADE_FACTOR * plan.outHeight()
                            && done.width() < (from == null ? source.width() : from.width())) {
                        from = done;
                        plan = new Plan(0, 0, done.width(), done.height(), plan.outWidth(), plan.outHeight());
                    }
                }
            }
            fromSource[i] = from == null;
            out[i] = from == null ? source.resampling().apply(plan, halving(across, i), halving(down, i))
                    : Resampler.resample(from, plan, halving(across, i), halving(down, i));
            TimeBudget.check();
        }
        return out;
    }

    private static Halving halving(Halving[] halvings, int i) {
        return halvings == null ? Halving.NONE : halvings[i];
    }
}
