package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;

/**
 * Resizes {@link Pixels} according to a {@link Plan}: box pre-reduction while the factor is at
 * least four, then separable Lanczos3, vertical then horizontal, on premultiplied alpha. Never
 * modifies its input, so one decode can feed several renditions.
 *
 * <p>{@code Pixels small = Resampler.resample(decoded, Geometry.plan(w, h, rendition));}
 */
public final class Resampler {

    private static final int REDUCING_GAP = 2;

    private Resampler() {
    }

    public static Pixels resample(Pixels source, Plan plan) {
        return resample(source, plan, Halving.NONE, Halving.NONE);
    }

    /** Whether, and from which end, {@link #resample(Pixels, Plan, Halving, Halving)} halves an axis. */
    public enum Halving {
        NONE,
        /** Pairs from the start of the axis; with an odd size the last sample stays alone. */
        PAIRS_FROM_START,
        /** Pairs from the end of the axis; with an odd size the first sample stays alone. */
        PAIRS_FROM_END
    }

    /**
     * As {@link #resample(Pixels, Plan)}, then the mean of each pair of output samples along the
     * axes asked, in the same filter: half the work of a second pass, one rounding instead of two.
     * The output is {@code ceil(outWidth / 2)} wide when {@code x} halves, likewise down. For
     * 4:2:0 chroma of an odd-sized rendition, made at the full size and averaged in pairs from
     * the corner where the encoder's blocks start.
     */
    public static Pixels resample(Pixels source, Plan plan, Halving x, Halving y) {
        if (x == Halving.NONE && y == Halving.NONE && plan.identity(source.width(), source.height())) {
            return new Pixels(source.width(), source.height(), source.channels(), source.data().clone());
        }
        Pixels work = source.hasAlpha() ? Alpha.premultiplied(source) : source;
        int fx = boxFactor(plan.cropWidth(), plan.outWidth());
        int fy = boxFactor(plan.cropHeight(), plan.outHeight());
        if (fx > 1 || fy > 1) {
            work = BoxReduce.reduce(work, fx, fy);
            plan = plan.scaleSource(1.0 / fx, 1.0 / fy);
        }
        Kernel vertical = halve(Kernel.lanczos3(work.height(), plan.cropY(), plan.cropHeight(), plan.outHeight()), y);
        Kernel horizontal = halve(Kernel.lanczos3(work.width(), plan.cropX(), plan.cropWidth(), plan.outWidth()), x);
        Pixels out = Pixels.allocate(horizontal.start.length, vertical.start.length, work.channels());
        Passes.resample(work, vertical, horizontal, out);
        if (out.hasAlpha()) {
            Alpha.unpremultiply(out);
        }
        return out;
    }

    /**
     * As {@link #resample(Pixels, Plan)} of {@code source.expand()}, read straight from the
     * indexes: the palette premultiplied instead of every pixel, and no RGB raster. A reduction
     * for the box stage (or none at all) expands first.
     */
    public static Pixels resample(Indexed source, Plan plan) {
        if (plan.identity(source.width(), source.height())) {
            return source.expand();
        }
        if (boxFactor(plan.cropWidth(), plan.outWidth()) > 1 || boxFactor(plan.cropHeight(), plan.outHeight()) > 1) {
            return resample(source.expand(), plan);
        }
        Indexed work = source.hasAlpha() ? source.withEntries(Alpha.premultiplied(source.entries())) : source;
        Kernel vertical = Kernel.lanczos3(work.height(), plan.cropY(), plan.cropHeight(), plan.outHeight());
        Kernel horizontal = Kernel.lanczos3(work.width(), plan.cropX(), plan.cropWidth(), plan.outWidth());
        Pixels out = Pixels.allocate(horizontal.start.length, vertical.start.length, work.channels());
        Passes.resample(work, vertical, horizontal, out, true);
        if (out.hasAlpha()) {
            Alpha.unpremultiply(out);
        }
        return out;
    }

    private static int boxFactor(double crop, int out) {
        return Math.max(1, (int) (crop / out / REDUCING_GAP));
    }

    private static Kernel halve(Kernel k, Halving h) {
        return h == Halving.NONE ? k : k.halved(h == Halving.PAIRS_FROM_END);
    }
}
