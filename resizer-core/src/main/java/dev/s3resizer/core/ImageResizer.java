package dev.s3resizer.core;

import dev.s3resizer.core.CascadedResampling.Source;
import dev.s3resizer.core.adjust.Flatten;
import dev.s3resizer.core.animate.AnimatedGif;
import dev.s3resizer.core.adjust.Orientation;
import dev.s3resizer.core.bmp.BmpDecoder;
import dev.s3resizer.core.color.SrgbConverter;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.FormatDecoder;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.decode.NativeWebpDecoder;
import dev.s3resizer.core.encode.Encoder;
import dev.s3resizer.core.gif.GifDecoder;
import dev.s3resizer.core.encode.ImageIoPngEncoder;
import dev.s3resizer.core.jpeg.ScaledJpegDecoder;
import dev.s3resizer.core.jpeg.encode.JpegEncoder;
import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;
import dev.s3resizer.core.png.PngDecoder;
import dev.s3resizer.core.probe.ImageProbe;
import dev.s3resizer.core.resample.Geometry;
import dev.s3resizer.core.resample.Plan;
import dev.s3resizer.core.resample.Resampler;
import dev.s3resizer.core.resample.Resampler.Halving;
import dev.s3resizer.core.tiff.TiffDecoder;
import dev.s3resizer.core.webp.WebpEncoder;

import java.awt.color.ICC_Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static dev.s3resizer.core.CascadedResampling.resampleAll;

/**
 * The imaging pipeline. For one source it runs, in this order:
 * <ol>
 *   <li>probe the header from the bytes (format, size, frames, orientation);</li>
 *   <li>check the {@link Limits} before anything is decoded;</li>
 *   <li>estimate the memory the decode and the renditions will hold and wait for it in the
 *       {@link MemoryBudget} shared by the images in flight (refused when it can never fit);</li>
 *   <li>decode once, at the smallest scale that leaves the largest rendition its reducing gap;</li>
 *   <li>for each rendition: plan the geometry as displayed, resample in stored orientation,</li>
 *   <li>apply the EXIF orientation,</li>
 *   <li>convert to sRGB from an embedded ICC profile,</li>
 *   <li>flatten transparency when the output format cannot hold it,</li>
 *   <li>encode without metadata.</li>
 * </ol>
 * Orientation and colour conversion run after resampling because there they touch the fewest
 * pixels; both commute with resampling (colour conversion nearly: it is resampled in the source's
 * encoding, as libvips does). When every rendition is a baseline JPEG and the source a YCbCr JPEG
 * in sRGB (or untagged) or in a matrix/TRC profile (Display P3, Adobe RGB, ...), the decoder hands
 * over Y, Cb and Cr planes instead of RGB: each is resampled on its own (chroma straight to the
 * half size 4:2:0 keeps; an odd side whole, then averaged in pairs as the encoder would), a tagged
 * one converted to sRGB at the output size, and the encoder takes them as they are, so no
 * decoded pixel is ever colour-converted or chroma-upsampled. Thread-safe; one
 * instance serves every request.
 *
 * <p>{@code List<RenditionResult> out = new ImageResizer(Limits.DEFAULT).render(bytes, renditions);}
 */
public final class ImageResizer {


    /**
     * Shrink-on-load leaves the Lanczos filter at least 1.5x to reduce (Pillow and libvips leave 2x,
     * but have only the 1/8, 1/4 and 1/2 scales; with every eighth, a 12 MP photo for 1000 px
     * decodes at 3/8 and still scores above Pillow against libvips' own Lanczos3 thumbnail).
     */
    public static final double DEFAULT_REDUCING_GAP = 1.5;

    private final Limits limits;
    private final Decoder decoder;
    private final Encoder jpeg;
    private final Encoder png;
    private final Encoder webp = new WebpEncoder();
    private final DecodeAdmission admission;

    public ImageResizer(Limits limits) {
        this(limits, DEFAULT_REDUCING_GAP);
    }

    /**
     * @param reducingGap how much reduction shrink-on-load leaves to the Lanczos filter, 1 to 8:
     *                    the JPEG decodes at the smallest scale M/8 at least this many times the
     *                    output (1/8 and 1/4, whose block averages alias, count at 3/4 of their
     *                    size); {@link #DEFAULT_REDUCING_GAP} by default, 2 as Pillow and libvips,
     *                    1 the fastest
     */
    public ImageResizer(Limits limits, double reducingGap) {
        this(limits, reducingGap, MemoryBudget.forHeap());
    }

    /** @param budget the memory the images in flight share; {@link MemoryBudget#forHeap()} by default */
    public ImageResizer(Limits limits, double reducingGap, MemoryBudget budget) {
        this(limits, reducingGap, budget, new FormatDecoder(Map.of(ImageFormat.JPEG, ScaledJpegDecoder.withImageIoFallback(),
                        ImageFormat.PNG, PngDecoder.withImageIoFallback(),
                        ImageFormat.TIFF, TiffDecoder.withImageIoFallback(),
                        ImageFormat.GIF, GifDecoder.withImageIoFallback(),
                        ImageFormat.BMP, BmpDecoder.withImageIoFallback(),
                        ImageFormat.WEBP, NativeWebpDecoder.withImageIoFallback()), new ImageIoDecoder()),
                new JpegEncoder(), new ImageIoPngEncoder());
    }

    ImageResizer(Limits limits, Decoder decoder, Encoder jpeg, Encoder png) {
        this(limits, DEFAULT_REDUCING_GAP, MemoryBudget.forHeap(), decoder, jpeg, png);
    }

    ImageResizer(Limits limits, double reducingGap, Decoder decoder, Encoder jpeg, Encoder png) {
        this(limits, reducingGap, MemoryBudget.forHeap(), decoder, jpeg, png);
    }

    ImageResizer(Limits limits, double reducingGap, MemoryBudget budget, Decoder decoder, Encoder jpeg,
                 Encoder png) {
        if (!(reducingGap >= 1 && reducingGap <= 8)) {
            throw new IllegalArgumentException("reducingGap: expected 1-8 but got " + reducingGap);
        }
        this.limits = limits;
        this.decoder = decoder;
        this.jpeg = jpeg;
        this.png = png;
        this.admission = new DecodeAdmission(decoder, budget, reducingGap);
    }

    public Limits limits() {
        return limits;
    }

    /** Probes and checks limits only: what the image is, refused early if hostile or unsupported. */
    public ImageInfo inspect(byte[] data) {
        ImageInfo info;
        try {
            info = ImageProbe.probe(data);
        } catch (RuntimeException | Error e) {
            throw RenderFailures.translate(e, "this file");
        }
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

    /**
     * Renders every rendition from a single decode, in the order given, within the image's
     * {@link TimeBudget}.
     *
     * @throws ResizerException for anything that goes wrong, with its reason ({@link RenderFailures})
     */
    public List<RenditionResult> render(byte[] data, List<Rendition> renditions) {
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("renditions: expected at least one");
        }
        ImageInfo info = inspect(data);
        String image = info.format() + " " + info.width() + "x" + info.height();
        TimeBudget budget = TimeBudget.start(image, limits.millisFor(info));
        try (budget) {
            if (AnimatedGif.keeps(info, renditions)) {
                return AnimatedGif.render(data, info, renditions, limits, still -> render(data, info, still));
            }
            return render(data, info, renditions);
        } catch (RuntimeException | Error e) {
            throw RenderFailures.translate(e, image);
        }
    }

    private List<RenditionResult> render(byte[] data, ImageInfo info, List<Rendition> renditions) {
        List<Plan> plans = new ArrayList<>(renditions.size());
        for (Rendition r : renditions) {
            Plan plan = Geometry.plan(info.displayWidth(), info.displayHeight(), r);
            plans.add(info.transposed() ? plan.transpose() : plan);
        }
        boolean planes = renditions.stream().allMatch(r -> r.format().resolve(false) == ImageFormat.JPEG
                && jpeg.takesPlanes(r));
        try (DecodeAdmission.Admitted admitted = admission.admit(data, info, renditions, plans, planes)) {
            return decodeAndRender(data, info, admitted.request(), renditions, plans);
        }
    }

    private List<RenditionResult> decodeAndRender(byte[] data, ImageInfo info, DecodeRequest request,
                                                  List<Rendition> renditions, List<Plan> plans) {
        Decoded decoded = decoder.decode(data, info, request);
        TimeBudget.check();
        boolean[] whole = new boolean[plans.size()];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = plans.get(i).wholeFrame(info.width(), info.height());
        }
        if (decoded.ycc() != null) {
            List<RenditionResult> results = renderPlanes(info, decoded, renditions, plans, whole);
            // Every rendition was resampled into arrays of its own and encoded: the planes are free.
            decoder.release(info, decoded);
            return results;
        }
        if (decoded.indexed() != null) {
            return renderIndexed(info, decoded, renditions, plans, whole);
        }
        Pixels pixels = decoded.pixels();
        int background = flattenFirst(pixels.hasAlpha(), pixels::usesTransparency, decoded.profile(), renditions);
        Source source = Source.of(background < 0 ? pixels : Flatten.onto(pixels, background));
        Pixels[] resampled = resampleAll(source, scaled(plans, source, info), whole, new boolean[plans.size()], null,
                null);
        // Every rendition has arrays of its own now (the resampler copies even at the source's size).
        decoder.release(info, decoded);
        SrgbConverter colour = SrgbConverter.from(decoded.profile());
        List<RenditionResult> results = new ArrayList<>(renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            results.add(finish(info, colour, renditions.get(i), resampled[i]));
        }
        return results;
    }

    /**
     * A palette image: flattened by its palette, resampled from its indexes, and a rendition of
     * it unchanged (same size, upright, sRGB, opaque) encoded straight from the indexes.
     */
    private List<RenditionResult> renderIndexed(ImageInfo info, Decoded decoded, List<Rendition> renditions,
                                                List<Plan> plans, boolean[] whole) {
        Indexed indexed = decoded.indexed();
        int background = flattenFirst(indexed.hasAlpha(), indexed::usesTransparency, decoded.profile(), renditions);
        if (background >= 0) {
            indexed = indexed.withEntries(Flatten.onto(indexed.entries(), background));
        }
        Source source = Source.of(indexed);
        boolean[] direct = new boolean[plans.size()];
        for (int i = 0; i < direct.length; i++) {
            direct[i] = plans.get(i).identity(indexed.width(), indexed.height()) && info.orientation() <= 1
                    && decoded.profile() == null && !indexed.hasAlpha();
        }
        Pixels[] resampled = resampleAll(source, scaled(plans, source, info), whole, direct, null, null);
        SrgbConverter colour = SrgbConverter.from(decoded.profile());
        List<RenditionResult> results = new ArrayList<>(renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            Rendition r = renditions.get(i);
            if (direct[i]) {
                ImageFormat format = r.format().resolve(false);
                TimeBudget.check();
                results.add(new RenditionResult(r, encoder(format).encode(indexed, r), format, indexed.width(),
                        indexed.height()));
            } else {
                results.add(finish(info, colour, r, resampled[i]));
            }
        }
        return results;
    }

    /** The plans, made for the stored size, for a source decoded at another. */
    private static List<Plan> scaled(List<Plan> plans, Source source, ImageInfo info) {
        double sx = (double) source.width() / info.width();
        double sy = (double) source.height() / info.height();
        return plans.stream().map(p -> p.scaleSource(sx, sy)).toList();
    }

    /**
     * The YCbCr path, when every rendition is a baseline JPEG and the source a YCbCr JPEG in sRGB
     * or a matrix/TRC profile: each plane resampled on its own, from its own scale, luma to the
     * rendition's size and chroma to half of it ({@link #chromaSide}), converted to sRGB at that
     * size when tagged, then encoded.
     */
    private List<RenditionResult> renderPlanes(ImageInfo info, Decoded decoded, List<Rendition> renditions,
                                               List<Plan> plans, boolean[] whole) {
        YccPlanes ycc = decoded.ycc();
        int orientation = info.orientation();
        List<Plan> luma = new ArrayList<>();
        List<Plan> chroma = new ArrayList<>();
        Halving[] acrossHalving = new Halving[plans.size()];
        Halving[] downHalving = new Halving[plans.size()];
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            luma.add(plan.scaleSource(ycc.lumaScaleX(), ycc.lumaScaleY()));
            chroma.add(plan.scaleSource(ycc.chromaScaleX(), ycc.chromaScaleY())
                    .withOutput(chromaSide(plan.outWidth()), chromaSide(plan.outHeight())));
            // Orientations 2, 3, 7 and 8 show the stored columns right to left; 3, 4, 6 and 7 the rows bottom up.
            acrossHalving[i] = halving(plan.outWidth(), orientation == 2 || orientation == 3 || orientation == 7
                    || orientation == 8);
            downHalving[i] = halving(plan.outHeight(), orientation == 3 || orientation == 4 || orientation == 6
                    || orientation == 7);
        }
        boolean[] all = new boolean[plans.size()];
        Pixels[] y = resampleAll(Source.of(ycc.y()), luma, whole, all, null, null);
        Pixels[] cb = resampleAll(Source.of(ycc.cb()), chroma, whole, all, acrossHalving, downHalving);
        Pixels[] cr = resampleAll(Source.of(ycc.cr()), chroma, whole, all, acrossHalving, downHalving);
        List<RenditionResult> results = new ArrayList<>(renditions.size());
        for (int i = 0; i < plans.size(); i++) {
            Rendition r = renditions.get(i);
            Pixels shown = Orientation.apply(y[i], orientation);
            YccPlanes out = SrgbConverter.toSrgb(new YccPlanes(shown, Orientation.apply(cb[i], orientation),
                    Orientation.apply(cr[i], orientation), 1, 1, 0.5, 0.5), decoded.profile());
            TimeBudget.check();
            results.add(new RenditionResult(r, jpeg.encode(out, r), ImageFormat.JPEG, out.y().width(),
                    out.y().height()));
        }
        return results;
    }

    /**
     * Chroma samples to resample to along a side of {@code n} output pixels: half of an even side,
     * all of an odd one (then averaged in pairs, {@link #halving}), so that the last sample of an
     * odd side is the edge pixel's own, as a 4:2:0 encoder makes it from RGB; resampled straight to
     * half of an odd side, chroma would be stretched by n / (n + 1) instead.
     */
    private static int chromaSide(int n) {
        return n % 2 == 0 ? n / 2 : n;
    }

    /**
     * How chroma made at {@link #chromaSide} of an odd side comes to half of it, rounded up: in
     * pairs from the displayed top left, where the encoder's blocks start, which is the stored
     * axis's end when the EXIF orientation reverses it ({@code reversed}).
     */
    private static Halving halving(int n, boolean reversed) {
        return n % 2 == 0 ? Halving.NONE : reversed ? Halving.PAIRS_FROM_END : Halving.PAIRS_FROM_START;
    }

    /**
     * Alpha the renditions will not keep, dropped before resampling instead of after: an opaque
     * RGBA source loses its alpha channel, and a transparent one whose renditions are all JPEGs
     * on one background (and in sRGB) is composited onto it. Compositing onto a constant commutes
     * with filtering premultiplied pixels, so the result is the same, for three channels of work
     * instead of four plus premultiplying. Returns the background to flatten onto, or -1 to keep
     * the alpha.
     */
    private static int flattenFirst(boolean alpha, BooleanSupplier transparent, ICC_Profile profile,
                                    List<Rendition> renditions) {
        if (!alpha) {
            return -1;
        }
        if (!transparent.getAsBoolean()) {
            return 0xFFFFFF;
        }
        int background = renditions.getFirst().background();
        for (Rendition r : renditions) {
            if (profile != null || r.format().resolve(true) != ImageFormat.JPEG || r.background() != background) {
                return -1;
            }
        }
        return background;
    }

    private RenditionResult finish(ImageInfo info, SrgbConverter colour, Rendition rendition, Pixels resampled) {
        Pixels pixels = Orientation.apply(resampled, info.orientation());
        pixels = colour.toSrgb(pixels);
        boolean transparent = pixels.usesTransparency();
        ImageFormat format = rendition.format().resolve(transparent);
        if (pixels.hasAlpha() && (format == ImageFormat.JPEG || !transparent)) {
            pixels = Flatten.onto(pixels, rendition.background());
        }
        TimeBudget.check();
        byte[] bytes = encoder(format).encode(pixels, rendition);
        return new RenditionResult(rendition, bytes, format, pixels.width(), pixels.height());
    }

    private Encoder encoder(ImageFormat format) {
        return switch (format) {
            case PNG -> png;
            case WEBP -> webp;
            default -> jpeg;
        };
    }
}
