package dev.s3resizer.core.jpeg.encode;

import dev.s3resizer.core.pixels.Pixels;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A JPEG decoded by the JDK's own (libjpeg-derived) reader, compared with the pixels it was
 * made from. PSNR over all channels, in dB. Gray is read from the raster: {@code getRGB} would
 * treat it as linear and apply a gamma curve.
 */
record DecodedJpeg(BufferedImage image) {

    /** Decodes with the JDK's reader, not a plugin that happens to be registered first. */
    static DecodedJpeg of(byte[] jpeg) {
        return new DecodedJpeg(read(jpeg, "com.sun.imageio"));
    }

    /** Every registered JPEG reader that can read the file, by class name; one failure fails the test. */
    static List<String> readableByAllReaders(byte[] jpeg) {
        List<String> names = new ArrayList<>();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            String name = readers.next().getClass().getName();
            BufferedImage image = read(jpeg, name);
            if (image == null) {
                throw new AssertionError(name + " returned no image");
            }
            names.add(name);
        }
        return names;
    }

    double psnr(Pixels original) {
        int w = original.width();
        int h = original.height();
        int c = original.channels();
        if (image.getWidth() != w || image.getHeight() != h) {
            throw new AssertionError("decoded " + image.getWidth() + "x" + image.getHeight() + ", expected " + w + "x" + h);
        }
        byte[] d = original.data();
        double squares = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = c == 1 ? image.getRaster().getSample(x, y, 0) : image.getRGB(x, y);
                for (int k = 0; k < c; k++) {
                    int decoded = c == 1 ? rgb : (rgb >> (16 - 8 * k)) & 0xFF;
                    double e = decoded - (d[(y * w + x) * c + k] & 0xFF);
                    squares += e * e;
                }
            }
        }
        double mse = squares / ((double) w * h * c);
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static BufferedImage read(byte[] jpeg, String readerClassPrefix) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!reader.getClass().getName().startsWith(readerClassPrefix)) {
                continue;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
                reader.setInput(in);
                return reader.read(0);
            } catch (IOException e) {
                throw new UncheckedIOException(readerClassPrefix + " cannot read the JPEG", e);
            } finally {
                reader.dispose();
            }
        }
        throw new AssertionError("no JPEG reader " + readerClassPrefix + " installed");
    }
}
