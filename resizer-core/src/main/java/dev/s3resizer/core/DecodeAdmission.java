package dev.s3resizer.core;

import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.resample.Plan;

import java.util.List;

/**
 * Chooses how much of a source to decode for a set of renditions and admits that work against the
 * {@link MemoryBudget} before a pixel is decoded: the usual decode leaves the filter the reducing
 * gap; when that cannot fit, the leanest decode that still gives every rendition its size; work
 * that can never fit is refused as {@link ImageTooLargeException}.
 */
final class DecodeAdmission {

    private static final System.Logger LOG = System.getLogger(DecodeAdmission.class.getName());

    private final Decoder decoder;
    private final MemoryBudget budget;
    private final double reducingGap;

    DecodeAdmission(Decoder decoder, MemoryBudget budget, double reducingGap) {
        this.decoder = decoder;
        this.budget = budget;
        this.reducingGap = reducingGap;
    }

    /** The decode to run and the memory it holds until closed. */
    record Admitted(DecodeRequest request, MemoryBudget.Permit permit) implements AutoCloseable {
        @Override
        public void close() {
            permit.close();
        }
    }

    /** Waits until the decode fits the budget alongside the images in flight. */
    Admitted admit(byte[] data, ImageInfo info, List<Rendition> renditions, List<Plan> plans, boolean planes) {
        int background = background(renditions);
        DecodeRequest request = request(info, plans, reducingGap, planes, false, background);
        long bytes = memoryNeeded(data, info, request, renditions, plans);
        if (bytes > budget.capacity()) {
            DecodeRequest lean = request(info, plans, 1, planes, true, background);
            long leanBytes = memoryNeeded(data, info, lean, renditions, plans);
            if (leanBytes < bytes) {
                LOG.log(System.Logger.Level.INFO, "this {0}x{1} {2} would need {3} at the usual scale, more than the "
                        + "{4} allowed; decoding it at the least memory, {5}", info.width(), info.height(),
                        info.format(), MemoryBudget.mib(bytes), MemoryBudget.mib(budget.capacity()),
                        MemoryBudget.mib(leanBytes));
                request = lean;
                bytes = leanBytes;
            }
        }
        MemoryBudget.Permit permit = budget.admit(bytes, "this " + info.width() + "x" + info.height() + " "
                + info.format() + " (decoded for " + request.minWidth() + "x" + request.minHeight() + ")");
        return new Admitted(request, permit);
    }

    /**
     * The decode the plans need: at least {@code gap} times each output (as far as the source
     * has it), in stored orientation.
     */
    private static DecodeRequest request(ImageInfo info, List<Plan> plans, double gap, boolean planes, boolean lean,
                                         int background) {
        int needWidth = 1;
        int needHeight = 1;
        for (Plan plan : plans) {
            needWidth = Math.max(needWidth, minimumSource(plan.outWidth() * gap, plan.cropWidth(), info.width()));
            needHeight = Math.max(needHeight,
                    minimumSource(plan.outHeight() * gap, plan.cropHeight(), info.height()));
        }
        return new DecodeRequest(needWidth, needHeight, planes, lean, background, true);
    }

    /**
     * The background every rendition composites alpha onto, when all of them are JPEGs (even of a
     * transparent source) on the same one, as {@code ImageResizer} flattens before resampling;
     * otherwise {@link DecodeRequest#KEEP_ALPHA}.
     */
    private static int background(List<Rendition> renditions) {
        int background = renditions.getFirst().background();
        for (Rendition r : renditions) {
            if (r.format().resolve(true) != ImageFormat.JPEG || r.background() != background) {
                return DecodeRequest.KEEP_ALPHA;
            }
        }
        return background;
    }

    /** The input, what the decoder estimates for the request and what the renditions add. */
    private long memoryNeeded(byte[] data, ImageInfo info, DecodeRequest request, List<Rendition> renditions,
                              List<Plan> plans) {
        return data.length + decoder.memoryNeeded(data, info, request) + renditionBytes(renditions, plans);
    }

    /**
     * Memory the renditions hold beyond the decoded source: each one's pixels (3 bytes a pixel for
     * a JPEG, 4 when it may keep alpha), kept until all are encoded, and twice the largest for the
     * resampler's working copy and the encoded bytes.
     */
    private static long renditionBytes(List<Rendition> renditions, List<Plan> plans) {
        long total = 0;
        long largest = 0;
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            int channels = renditions.get(i).format().resolve(true) == ImageFormat.JPEG ? 3 : 4;
            long pixels = (long) p.outWidth() * p.outHeight() * channels;
            total += pixels;
            largest = Math.max(largest, pixels);
        }
        return total + 2 * largest;
    }

    /** Source pixels needed along one axis so that resampling reduces at least {@code out / crop} of it. */
    private static int minimumSource(double out, double crop, int full) {
        return (int) Math.min(full, Math.ceil(out * full / crop));
    }
}
