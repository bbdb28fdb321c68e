package dev.s3resizer.core.webp;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.encode.Encoder;
import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * WebP through libwebp: lossy (VP8, the rendition's quality on cwebp's scale) or lossless (VP8L,
 * quality as effort), alpha kept when the pixels have it, no metadata chunks. libwebp's defaults
 * otherwise, as {@code cwebp -q N} (method 4, auto filter off, sharp YUV off).
 */
public final class WebpEncoder implements Encoder {

    private static final WebPImageWriterSpi SPI = new WebPImageWriterSpi();

    @Override
    public byte[] encode(Pixels pixels, Rendition rendition) {
        Libwebp.require("WebP output (rendition " + rendition.name() + ")");
        ImageWriter writer = SPI.createWriterInstance(null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(pixels.width() * pixels.height() / 4 + 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
            param.setCompressionType(rendition.lossless() ? CompressionType.Lossless : CompressionType.Lossy);
            param.setCompressionQuality(rendition.quality() / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(BufferedImages.wrap(colour(pixels)), null, null), param);
        } catch (IOException e) {
            throw new ResizerException("WebP encoding of rendition " + rendition.name() + " failed: " + e.getMessage(),
                    false, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** libwebp takes RGB or RGBA: gray is spread to three channels. */
    private static Pixels colour(Pixels pixels) {
        if (pixels.channels() != 1) {
            return pixels;
        }
        byte[] gray = pixels.data();
        Pixels rgb = Pixels.allocate(pixels.width(), pixels.height(), 3);
        byte[] out = rgb.data();
        for (int i = 0, o = 0; i < pixels.width() * pixels.height(); i++, o += 3) {
            out[o] = gray[i];
            out[o + 1] = gray[i];
            out[o + 2] = gray[i];
        }
        return rgb;
    }
}
