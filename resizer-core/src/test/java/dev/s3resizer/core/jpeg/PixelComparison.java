package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;

import java.awt.image.BufferedImage;

/** Perceptual comparison against the reference decoder: PSNR, and an area (box) downscale. */
final class PixelComparison {

    private PixelComparison() {
    }

    static Pixels imageIo(byte[] jpeg) {
        ImageInfo info = ImageProbe.probe(jpeg);
        return new ImageIoDecoder().decode(jpeg, info, info.width(), info.height()).pixels();
    }

    /** The RGB pixels of a picture, for comparing decodes with what was encoded. */
    static Pixels rgb(BufferedImage image) {
        Pixels out = Pixels.allocate(image.getWidth(), image.getHeight(), 3);
        byte[] d = out.data();
        for (int y = 0, o = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++, o += 3) {
                int p = image.getRGB(x, y);
                d[o] = (byte) (p >> 16);
                d[o + 1] = (byte) (p >> 8);
                d[o + 2] = (byte) p;
            }
        }
        return out;
    }

    /** Peak signal-to-noise ratio in dB over all samples; 99 for identical pixels. */
    static double psnr(Pixels a, Pixels b) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new AssertionError("cannot compare " + a.width() + "x" + a.height() + "x" + a.channels()
                    + " with " + b.width() + "x" + b.height() + "x" + b.channels());
        }
        long sum = 0;
        int n = a.width() * a.height() * a.channels();
        for (int i = 0; i < n; i++) {
            int d = (a.data()[i] & 0xFF) - (b.data()[i] & 0xFF);
            sum += (long) d * d;
        }
        return sum == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 * n / sum);
    }

    /** Averages d x d blocks; the last row and column average what they have. */
    static Pixels areaDownscale(Pixels src, int d) {
        int w = (src.width() + d - 1) / d;
        int h = (src.height() + d - 1) / d;
        int c = src.channels();
        Pixels out = Pixels.allocate(w, h, c);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    int sum = 0;
                    int count = 0;
                    for (int yy = y * d; yy < Math.min(src.height(), y * d + d); yy++) {
                        for (int xx = x * d; xx < Math.min(src.width(), x * d + d); xx++) {
                            sum += src.data()[(yy * src.width() + xx) * c + k] & 0xFF;
                            count++;
                        }
                    }
                    out.data()[(y * w + x) * c + k] = (byte) ((sum + count / 2) / count);
                }
            }
        }
        return out;
    }

    /**
     * Exact area average onto {@code w x h}: each output pixel is the mean of the source over the
     * rectangle it covers, partial pixels weighted by how much of them it covers.
     */
    static Pixels areaResize(Pixels src, int w, int h) {
        int c = src.channels();
        double sx = (double) src.width() / w;
        double sy = (double) src.height() / h;
        Pixels out = Pixels.allocate(w, h, c);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    double sum = 0;
                    double area = 0;
                    for (int yy = (int) (y * sy); yy < Math.min(src.height(), Math.ceil((y + 1) * sy)); yy++) {
                        double wy = Math.min(yy + 1, (y + 1) * sy) - Math.max(yy, y * sy);
                        for (int xx = (int) (x * sx); xx < Math.min(src.width(), Math.ceil((x + 1) * sx)); xx++) {
                            double wx = Math.min(xx + 1, (x + 1) * sx) - Math.max(xx, x * sx);
                            sum += wx * wy * (src.data()[(yy * src.width() + xx) * c + k] & 0xFF);
                            area += wx * wy;
                        }
                    }
                    out.data()[(y * w + x) * c + k] = (byte) Math.round(sum / area);
                }
            }
        }
        return out;
    }
}
