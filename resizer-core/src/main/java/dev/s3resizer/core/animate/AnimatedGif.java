package dev.s3resizer.core.animate;

import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ImageTooLargeException;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.adjust.Flatten;
import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.resample.Geometry;
import dev.s3resizer.core.resample.Plan;
import dev.s3resizer.core.resample.Resampler;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renditions that keep an animated GIF animated ({@link Rendition#animated()}): every frame, as
 * shown, is resized with the same Lanczos3 filter and flattened onto the rendition's background,
 * and the result is an animated GIF with the source's frame delays and loop count. All frames'
 * pixels together count against the pixel limit. Other renditions of the same source (and every
 * rendition of a still image) take the first frame, as before.
 *
 * <p>{@code if (AnimatedGif.keeps(info, renditions)) return AnimatedGif.render(data, info, renditions, limits, still);}
 */
public final class AnimatedGif {

    private AnimatedGif() {
    }

    /** True when the source is an animated GIF and some rendition asks to keep the animation. */
    public static boolean keeps(ImageInfo info, List<Rendition> renditions) {
        return info.format() == ImageFormat.GIF && info.frames() > 1 && renditions.stream().anyMatch(Rendition::animated);
    }

    /**
     * @param still renders the other renditions (the first frame), in their order
     * @return every rendition's result, in the order given
     */
    public static List<RenditionResult> render(byte[] gif, ImageInfo info, List<Rendition> renditions, Limits limits,
                                               Function<List<Rendition>, List<RenditionResult>> still) {
        long pixels = (long) info.frames() * info.width() * info.height();
        if (pixels > limits.maxPixels()) {
            throw new ImageTooLargeException("animated GIF of " + info.frames() + " frames of " + info.width() + "x"
                    + info.height() + " is " + pixels + " pixels in all, over the limit of " + limits.maxPixels()
                    + " for keeping its animation; raise limits.maxPixels or drop 'animated' from its renditions");
        }
        List<Rendition> animated = renditions.stream().filter(Rendition::animated).toList();
        List<Rendition> others = renditions.stream().filter(r -> !r.animated()).toList();
        List<GifSequenceWriter> writers = new ArrayList<>();
        List<Plan> plans = animated.stream().map(r -> Geometry.plan(info.width(), info.height(), r)).toList();
        try {
            GifFrames.read(gif, info, frame -> {
                if (writers.isEmpty()) {
                    animated.forEach(r -> writers.add(new GifSequenceWriter(frame.loops())));
                }
                Pixels screen = rgba(frame.image());
                for (int i = 0; i < animated.size(); i++) {
                    Pixels resized = Flatten.onto(Resampler.resample(screen, plans.get(i)), animated.get(i).background());
                    writers.get(i).write(BufferedImages.wrap(resized), frame.delayCentis());
                }
            });
            List<RenditionResult> done = new ArrayList<>();
            for (int i = 0; i < animated.size(); i++) {
                done.add(new RenditionResult(animated.get(i), writers.get(i).finish(), ImageFormat.GIF,
                        plans.get(i).outWidth(), plans.get(i).outHeight()));
            }
            return merge(renditions, done, others.isEmpty() ? List.of() : still.apply(others));
        } finally {
            writers.forEach(GifSequenceWriter::close);
        }
    }

    private static List<RenditionResult> merge(List<Rendition> order, List<RenditionResult> animated,
                                               List<RenditionResult> others) {
        List<RenditionResult> out = new ArrayList<>();
        int a = 0;
        int o = 0;
        for (Rendition r : order) {
            out.add(r.animated() ? animated.get(a++) : others.get(o++));
        }
        return out;
    }

    private static Pixels rgba(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        Pixels p = Pixels.allocate(w, h, 4);
        byte[] d = p.data();
        for (int i = 0, o = 0; i < argb.length; i++, o += 4) {
            d[o] = (byte) (argb[i] >> 16);
            d[o + 1] = (byte) (argb[i] >> 8);
            d[o + 2] = (byte) argb[i];
            d[o + 3] = (byte) (argb[i] >>> 24);
        }
        return p;
    }
}
