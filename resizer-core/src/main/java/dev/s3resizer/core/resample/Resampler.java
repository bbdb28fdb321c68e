package dev.s3resizer.core.resample;

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
        if (plan.identity(source.width(), source.height())) {
            return new Pixels(source.width(), source.height(), source.channels(), source.data().clone());
        }
        Pixels work = source.hasAlpha() ? Alpha.premultiplied(source) : source;
        int fx = Math.max(1, (int) (plan.cropWidth() / plan.outWidth() / REDUCING_GAP));
        int fy = Math.max(1, (int) (plan.cropHeight() / plan.outHeight() / REDUCING_GAP));
        if (fx > 1 || fy > 1) {
            work = BoxReduce.reduce(work, fx, fy);
            plan = plan.scaleSource(1.0 / fx, 1.0 / fy);
        }
        Kernel vertical = Kernel.lanczos3(work.height(), plan.cropY(), plan.cropHeight(), plan.outHeight());
        Kernel horizontal = Kernel.lanczos3(work.width(), plan.cropX(), plan.cropWidth(), plan.outWidth());
        Pixels out = Pixels.allocate(plan.outWidth(), plan.outHeight(), work.channels());
        Passes.resample(work, vertical, horizontal, out);
        if (out.hasAlpha()) {
            Alpha.unpremultiply(out);
        }
        return out;
    }
}
