package dev.s3resizer.core.resample;

import dev.s3resizer.core.Rendition;

/** Computes a rendition's output size and source window from the displayed source size. */
public final class Geometry {

    private Geometry() {
    }

    /**
     * Plans a rendition for a source of {@code width x height} (as displayed). Without
     * {@link Rendition#upscale()}, the output is never larger than the source.
     */
    public static Plan plan(int width, int height, Rendition r) {
        return switch (r.mode()) {
            case FIT -> {
                double scale = capped(Math.min((double) r.width() / width, (double) r.height() / height), r);
                yield new Plan(0, 0, width, height, side(width * scale), side(height * scale));
            }
            case WIDTH -> {
                double scale = capped((double) r.width() / width, r);
                yield new Plan(0, 0, width, height, side(width * scale), side(height * scale));
            }
            case COVER -> {
                double scale = capped(Math.max((double) r.width() / width, (double) r.height() / height), r);
                int outW = Math.min(r.width(), side(width * scale));
                int outH = Math.min(r.height(), side(height * scale));
                double cropW = Math.min(width, outW / scale);
                double cropH = Math.min(height, outH / scale);
                yield new Plan((width - cropW) / 2, (height - cropH) / 2, cropW, cropH, outW, outH);
            }
        };
    }

    private static double capped(double scale, Rendition r) {
        return r.upscale() ? scale : Math.min(scale, 1.0);
    }

    private static int side(double size) {
        return Math.max(1, (int) Math.round(size));
    }
}
