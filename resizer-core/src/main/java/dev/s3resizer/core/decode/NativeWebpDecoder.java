package dev.s3resizer.core.decode;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPReadParam;
import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.UnsupportedImageException;
import dev.s3resizer.core.webp.Libwebp;

import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Still WebP through libwebp, the reference decoder, shrinking on load by a factor of 1.5 or more
 * when the renditions leave that much room ({@link #shrinkOnLoad}). Animations, and every WebP
 * where libwebp does not load (said once in the log), go to the pure-Java reader; so do files
 * libwebp declines ({@link Declined}), through {@link #withImageIoFallback()}.
 *
 * <p>{@code Decoder webp = NativeWebpDecoder.withImageIoFallback();}
 */
public final class NativeWebpDecoder implements Decoder {

    private static final System.Logger LOG = System.getLogger(NativeWebpDecoder.class.getName());
    private static final WebPImageReaderSpi SPI = new WebPImageReaderSpi();
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    /** How much more than the request libwebp's rescaler is asked for ({@link #shrinkOnLoad}). */
    private static final double RESCALER_MARGIN = 4.0 / 3;

    private final Decoder pureJava;

    /** With TwelveMonkeys' reader for animations and platforms without libwebp. */
    public NativeWebpDecoder() {
        this(new ImageIoDecoder());
    }

    NativeWebpDecoder(Decoder pureJava) {
        this.pureJava = pureJava;
    }

    /** libwebp first, TwelveMonkeys' pure-Java reader for what it does not or cannot read. */
    public static Decoder withImageIoFallback() {
        return new ImageIoFallback("WebP", new NativeWebpDecoder(), Declined.class);
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        if (info.frames() > 1) {
            return pureJava.decode(data, info, minWidth, minHeight);
        }
        if (!Libwebp.available()) {
            if (!TOLD.getAndSet(true)) {
                LOG.log(System.Logger.Level.WARNING, "libwebp is not available on " + Libwebp.platform() + " ("
                        + Libwebp.problem() + "): WebP input is decoded by the slower pure-Java reader");
            }
            return pureJava.decode(data, info, minWidth, minHeight);
        }
        ImageReader reader = SPI.createReaderInstance(null);
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            WebPReadParam param = (WebPReadParam) reader.getDefaultReadParam();
            shrinkOnLoad(param, info, minWidth, minHeight);
            Decoded decoded = ToPixels.convert(reader.read(0, param));
            return new Decoded(decoded.pixels(), info.hasIccProfile() ? WebpIccProfile.from(data) : null);
        } catch (IOException e) {
            throw failure(info, String.valueOf(e.getMessage()), e);
        } catch (OutOfMemoryError e) {
            // The binding's report of libwebp's VP8_STATUS_OUT_OF_MEMORY, which a damaged header can cause:
            // the pixel limit was checked on the probed size, so the pure-Java reader may say what is wrong.
            throw new Declined("libwebp could not allocate for this " + info.width() + "x" + info.height() + " WebP");
        } finally {
            reader.dispose();
        }
    }

    /** libwebp's status (the binding reports "Decode returned code NotEnoughData") as the core's exceptions. */
    private static RuntimeException failure(ImageInfo info, String message, IOException e) {
        if (message.contains("UnsupportedFeature")) {
            return new Declined("libwebp: " + message);
        }
        if (message.contains("NotEnoughData")) {
            return new CorruptImageException(info.format() + ": the file ends before its image data does (truncated)", e);
        }
        return new CorruptImageException(info.format() + ": cannot decode: libwebp: " + message, e);
    }

    /**
     * Asks libwebp for the source reduced by a whole or half-whole factor (1.5, 2, 2.5, ...), the
     * largest that still covers the request with a third to spare; none when that factor is 1.
     * libwebp's rescaler averages areas, which blurs and aliases more than the JPEG path's DCT
     * scaling, so the Lanczos filter is left at least a 2x reduction at the default reducing gap
     * of 1.5; and a factor of that form keeps every output sample on the same phase of the
     * source grid. Both brought photo.webp closer to a Lanczos3 reference than Pillow (figures in
     * docs/performance.md).
     */
    private static void shrinkOnLoad(WebPReadParam param, ImageInfo info, int minWidth, int minHeight) {
        double room = Math.min(info.width() / (RESCALER_MARGIN * Math.max(1, minWidth)),
                info.height() / (RESCALER_MARGIN * Math.max(1, minHeight)));
        // The 0.01 absorbs a request rounded up by a pixel (937.5 asked as 938).
        double factor = Math.floor(2 * room + 0.01) / 2;
        if (factor <= 1) {
            return;
        }
        param.setUseScaling(true);
        param.setScaledWidth(Math.max(1, (int) Math.round(info.width() / factor)));
        param.setScaledHeight(Math.max(1, (int) Math.round(info.height() / factor)));
    }

    /** What libwebp leaves to the pure-Java reader. */
    static final class Declined extends UnsupportedImageException {
        Declined(String message) {
            super(message);
        }
    }
}
