package dev.s3resizer.core;

import dev.s3resizer.core.adjust.Flatten;
import dev.s3resizer.core.adjust.Orientation;
import dev.s3resizer.core.color.SrgbConverter;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.FormatDecoder;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.encode.Encoder;
import dev.s3resizer.core.encode.ImageIoJpegEncoder;
import dev.s3resizer.core.encode.ImageIoPngEncoder;
import dev.s3resizer.core.jpeg.JpegDecoder;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import dev.s3resizer.core.resample.Geometry;
import dev.s3resizer.core.resample.Plan;
import dev.s3resizer.core.resample.Resampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The imaging pipeline. For one source it runs, in this order:
 * <ol>
 *   <li>probe the header from the bytes (format, size, frames, orientation);</li>
 *   <li>check the {@link Limits} before anything is decoded;</li>
 *   <li>decode once, at the smallest scale the largest rendition allows;</li>
 *   <li>for each rendition: plan the geometry as displayed, resample in stored orientation,</li>
 *   <li>apply the EXIF orientation,</li>
 *   <li>convert to sRGB from an embedded ICC profile,</li>
 *   <li>flatten transparency when the output format cannot hold it,</li>
 *   <li>encode without metadata.</li>
 * </ol>
 * Orientation and colour conversion run after resampling because there they touch the fewest
 * pixels; both commute with resampling. Thread-safe; one instance serves every request.
 *
 * <p>{@code List<RenditionResult> out = new ImageResizer(Limits.DEFAULT).render(bytes, renditions);}
 */
public final class ImageResizer {

    private final Limits limits;
    private final Decoder decoder;
    private final Encoder jpeg;
    private final Encoder png;

    public ImageResizer(Limits limits) {
        this(limits, new FormatDecoder(Map.of(ImageFormat.JPEG, new JpegDecoder()), new ImageIoDecoder()),
                new ImageIoJpegEncoder(), new ImageIoPngEncoder());
    }

    ImageResizer(Limits limits, Decoder decoder, Encoder jpeg, Encoder png) {
        this.limits = limits;
        this.decoder = decoder;
        this.jpeg = jpeg;
        this.png = png;
    }

    public Limits limits() {
        return limits;
    }

    /** Probes and checks limits only: what the image is, refused early if hostile or unsupported. */
    public ImageInfo inspect(byte[] data) {
        ImageInfo info = ImageProbe.probe(data);
        limits.check(info, data.length);
        if (!info.format().decodable()) {
            throw new UnsupportedImageException(info.format() + " images (" + info.width() + "x" + info.height()
                    + ") are recognised but cannot be decoded by this build");
        }
        return info;
    }

    /** Renders one rendition. */
    public RenditionResult render(byte[] data, Rendition rendition) {
        return render(data, List.of(rendition)).getFirst();
    }

    /** Renders every rendition from a single decode, in the order given. */
    public List<RenditionResult> render(byte[] data, List<Rendition> renditions) {
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("renditions: expected at least one");
        }
        ImageInfo info = inspect(data);
        List<Plan> plans = new ArrayList<>(renditions.size());
        int needWidth = 1;
        int needHeight = 1;
        for (Rendition r : renditions) {
            Plan plan = Geometry.plan(info.displayWidth(), info.displayHeight(), r);
            plan = info.transposed() ? plan.transpose() : plan;
            plans.add(plan);
            needWidth = Math.max(needWidth, minimumSource(plan.outWidth(), plan.cropWidth(), info.width()));
            needHeight = Math.max(needHeight, minimumSource(plan.outHeight(), plan.cropHeight(), info.height()));
        }
        Decoded decoded = decoder.decode(data, info, needWidth, needHeight);
        List<RenditionResult> results = new ArrayList<>(renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            results.add(renderOne(info, decoded, renditions.get(i), plans.get(i)));
        }
        return results;
    }

    private RenditionResult renderOne(ImageInfo info, Decoded decoded, Rendition rendition, Plan plan) {
        Pixels source = decoded.pixels();
        Plan scaled = plan.scaleSource((double) source.width() / info.width(), (double) source.height() / info.height());
        Pixels pixels = Resampler.resample(source, scaled);
        pixels = Orientation.apply(pixels, info.orientation());
        pixels = SrgbConverter.toSrgb(pixels, decoded.profile());
        boolean transparent = pixels.usesTransparency();
        ImageFormat format = rendition.format().resolve(transparent);
        if (pixels.hasAlpha() && (format == ImageFormat.JPEG || !transparent)) {
            pixels = Flatten.onto(pixels, rendition.background());
        }
        byte[] bytes = (format == ImageFormat.PNG ? png : jpeg).encode(pixels, rendition);
        return new RenditionResult(rendition, bytes, format, pixels.width(), pixels.height());
    }

    /** Source pixels needed along one axis so that resampling still reduces (never enlarges) it. */
    private static int minimumSource(int out, double crop, int full) {
        return (int) Math.min(full, Math.ceil(out * full / crop));
    }
}
