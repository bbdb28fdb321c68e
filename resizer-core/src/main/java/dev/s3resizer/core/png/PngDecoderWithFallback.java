package dev.s3resizer.core.png;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoDecoder;

/**
 * The PNG decoder the pipeline uses: {@link PngDecoder} for speed, ImageIO for what it does not
 * handle (Adam7 interlacing, gray below 8 bits), with one log line saying why. Corrupt data is
 * reported, not retried with ImageIO: a truncated upload must be refused, not rendered half empty.
 *
 * <p>{@code Decoded d = new PngDecoderWithFallback().decode(bytes, info, 1000, 750);}
 */
public final class PngDecoderWithFallback implements Decoder {

    private static final System.Logger LOG = System.getLogger(PngDecoderWithFallback.class.getName());

    private final Decoder fast;
    private final Decoder fallback;

    public PngDecoderWithFallback() {
        this(new PngDecoder(), new ImageIoDecoder());
    }

    PngDecoderWithFallback(Decoder fast, Decoder fallback) {
        this.fast = fast;
        this.fallback = fallback;
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        try {
            return fast.decode(data, info, minWidth, minHeight);
        } catch (UnsupportedPngException e) {
            LOG.log(System.Logger.Level.INFO, "{0}; decoding this {1}x{2} PNG with ImageIO instead",
                    e.getMessage(), info.width(), info.height());
        } catch (ResizerException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the fast PNG decoder failed on this " + info.width() + "x"
                    + info.height() + " PNG; decoding it with ImageIO instead", e);
        }
        return fallback.decode(data, info, minWidth, minHeight);
    }
}
