package dev.s3resizer.core.decode;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ResizerException;

import java.util.function.Supplier;

/**
 * A fast format-specific decoder with ImageIO behind it: files the fast one declines (it throws
 * {@code unsupported}) or trips over go to ImageIO ({@link ImageIoDecoder}), with one log line
 * saying why.
 * Corrupt data and the other {@link ResizerException}s are reported, not retried: a truncated
 * upload must be refused, not rendered half grey.
 *
 * <p>{@code Decoder d = new ImageIoFallback("PNG", new PngDecoder(), UnsupportedPngException.class);}
 */
public final class ImageIoFallback implements Decoder {

    private static final System.Logger LOG = System.getLogger(ImageIoFallback.class.getName());

    private final String format;
    private final Decoder fast;
    private final Class<? extends RuntimeException> unsupported;
    private final Decoder fallback;

    /**
     * @param format      the format's name for log lines, e.g. "JPEG"
     * @param unsupported what {@code fast} throws for files it does not handle
     */
    public ImageIoFallback(String format, Decoder fast, Class<? extends RuntimeException> unsupported) {
        this(format, fast, unsupported, new ImageIoDecoder());
    }

    /** With a stand-in for ImageIO (tests count the files that reach it). */
    public ImageIoFallback(String format, Decoder fast, Class<? extends RuntimeException> unsupported,
                           Decoder fallback) {
        this.format = format;
        this.fast = fast;
        this.unsupported = unsupported;
        this.fallback = fallback;
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        return decode(info, () -> fast.decode(data, info, minWidth, minHeight),
                () -> fallback.decode(data, info, minWidth, minHeight));
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, DecodeRequest request) {
        return decode(info, () -> fast.decode(data, info, request), () -> fallback.decode(data, info, request));
    }

    /** The fast decoder's estimate, or ImageIO's for a file the fast one declines. */
    @Override
    public long memoryNeeded(byte[] data, ImageInfo info, DecodeRequest request) {
        try {
            return fast.memoryNeeded(data, info, request);
        } catch (RuntimeException e) {
            if (unsupported.isInstance(e)) {
                return fallback.memoryNeeded(data, info, request);
            }
            throw e;
        }
    }

    /** To the fast decoder: ImageIO keeps nothing. */
    @Override
    public void release(ImageInfo info, Decoded decoded) {
        fast.release(info, decoded);
    }

    private Decoded decode(ImageInfo info, Supplier<Decoded> fastWay, Supplier<Decoded> otherWay) {
        try {
            return fastWay.get();
        } catch (RuntimeException e) {
            if (unsupported.isInstance(e)) {
                LOG.log(System.Logger.Level.INFO, "{0}; decoding this {1}x{2} {3} with ImageIO instead",
                        e.getMessage(), info.width(), info.height(), format);
            } else if (e instanceof ResizerException) {
                throw e;
            } else {
                LOG.log(System.Logger.Level.WARNING, "the fast " + format + " decoder failed on this " + info.width()
                        + "x" + info.height() + " " + format + "; decoding it with ImageIO instead", e);
            }
        }
        return otherWay.get();
    }
}
