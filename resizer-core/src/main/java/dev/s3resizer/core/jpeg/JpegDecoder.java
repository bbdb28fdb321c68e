package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoDecoder;

/**
 * The JPEG decoder the pipeline uses: {@link ScaledJpegDecoder} for speed and shrink-on-load,
 * ImageIO for what it does not handle (arithmetic coding, 12-bit, lossless, hierarchical), with
 * one log line saying why. Corrupt data is reported, not retried with ImageIO: a truncated upload
 * must be refused, not rendered half grey.
 *
 * <p>{@code Decoded d = new JpegDecoder().decode(bytes, info, 1000, 750);}
 */
public final class JpegDecoder implements Decoder {

    private static final System.Logger LOG = System.getLogger(JpegDecoder.class.getName());

    private final Decoder fast;
    private final Decoder fallback;

    public JpegDecoder() {
        this(new ScaledJpegDecoder(), new ImageIoDecoder());
    }

    JpegDecoder(Decoder fast, Decoder fallback) {
        this.fast = fast;
        this.fallback = fallback;
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        return decode(data, info, new DecodeRequest(minWidth, minHeight, false), false);
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, DecodeRequest request) {
        return decode(data, info, request, true);
    }

    private Decoded decode(byte[] data, ImageInfo info, DecodeRequest request, boolean forResizing) {
        try {
            return forResizing ? fast.decode(data, info, request)
                    : fast.decode(data, info, request.minWidth(), request.minHeight());
        } catch (UnsupportedJpegException e) {
            LOG.log(System.Logger.Level.INFO, "{0}; decoding this {1}x{2} JPEG with ImageIO instead",
                    e.getMessage(), info.width(), info.height());
        } catch (ResizerException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the fast JPEG decoder failed on this " + info.width() + "x"
                    + info.height() + " JPEG; decoding it with ImageIO instead", e);
        }
        return fallback.decode(data, info, request.minWidth(), request.minHeight());
    }
}
