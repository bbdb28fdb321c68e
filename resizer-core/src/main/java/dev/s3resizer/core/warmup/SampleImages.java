package dev.s3resizer.core.warmup;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The kinds of file uploads usually are, made in memory: a photo-like picture (smooth gradients with
 * fine texture, so every DCT band is used), encoded by the JDK as a baseline or progressive JPEG
 * (4:2:0) or a PNG. What they show does not matter; which decoder and encoder paths they take does.
 */
public final class SampleImages {

    private SampleImages() {
    }

    /** A photo-like picture; with {@code alpha} an ABGR one whose transparency runs left to right. */
    public static BufferedImage photo(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int texture = ((x * 7 + y * 13) ^ (x * y >>> 5)) & 31;
                if (alpha) {
                    data[i++] = (byte) (x * 255 / width);
                }
                data[i++] = (byte) (y * 200 / height + texture);
                data[i++] = (byte) ((x + y) * 180 / (width + height) + texture);
                data[i++] = (byte) (x * 220 / width + texture);
            }
        }
        return image;
    }

    /** The JDK's JPEG encoding of {@code image} at quality 90, progressive or baseline. */
    public static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JDK's PNG encoding of {@code image}. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
