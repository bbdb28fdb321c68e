package dev.s3resizer.core.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** PNG through the JDK's writer: gray, RGB or RGBA, 8 bits, no ancillary chunks. */
public final class ImageIoPngEncoder implements Encoder {

    @Override
    public byte[] encode(Pixels pixels, Rendition rendition) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(pixels.width() * pixels.height() + 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(BufferedImages.wrap(pixels), null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new ResizerException("PNG encoding failed: " + e.getMessage(), false, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
