package dev.s3resizer.core.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Baseline (or progressive) JPEG through the JDK's libjpeg-derived writer: libjpeg quality
 * scaling, 4:2:0 chroma, optimised Huffman tables, a bare JFIF header and nothing else.
 */
public final class ImageIoJpegEncoder implements Encoder {

    @Override
    public byte[] encode(Pixels pixels, Rendition rendition) {
        if (pixels.hasAlpha()) {
            throw new IllegalArgumentException("JPEG cannot hold alpha; flatten first");
        }
        ImageWriter writer = jdkWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(pixels.width() * pixels.height() / 4 + 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            JPEGImageWriteParam param = new JPEGImageWriteParam(null);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(rendition.quality() / 100f);
            param.setOptimizeHuffmanTables(true);
            if (rendition.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(BufferedImages.wrap(pixels), null, null), param);
        } catch (IOException e) {
            throw new ResizerException("JPEG encoding failed: " + e.getMessage(), false, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JDK's own writer, not a plugin that wraps it. */
    private static ImageWriter jdkWriter() {
        var writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter fallback = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.sun.imageio")) {
                return w;
            }
            if (fallback == null) {
                fallback = w;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no JPEG writer installed");
        }
        return fallback;
    }
}
