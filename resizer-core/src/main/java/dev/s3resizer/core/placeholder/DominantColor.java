package dev.s3resizer.core.placeholder;

import dev.s3resizer.core.ResizerException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * The colour most of a picture is: pixels counted in 4096 boxes (4 bits a channel), the fullest
 * box's mean. A mean of the whole picture would be a muddy mix of, say, sky and sea; this is one
 * of them. Transparent pixels do not count; a fully transparent picture is white.
 */
final class DominantColor {

    private DominantColor() {
    }

    /** @param png a small PNG */
    static String of(byte[] png) {
        BufferedImage image = read(png);
        int[] count = new int[4096];
        long[][] sum = new long[4096][3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) < 128) {
                    continue;
                }
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                int box = (r >> 4) << 8 | (g >> 4) << 4 | (b >> 4);
                count[box]++;
                sum[box][0] += r;
                sum[box][1] += g;
                sum[box][2] += b;
            }
        }
        int best = 0;
        for (int i = 1; i < count.length; i++) {
            if (count[i] > count[best]) {
                best = i;
            }
        }
        if (count[best] == 0) {
            return "#ffffff";
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round((float) sum[best][0] / count[best]),
                Math.round((float) sum[best][1] / count[best]), Math.round((float) sum[best][2] / count[best]));
    }

    private static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new ResizerException("dominant colour: the sample is not a readable PNG", false);
            }
            return image;
        } catch (IOException e) {
            throw new ResizerException("dominant colour: cannot read the sample: " + e.getMessage(), false, e);
        }
    }
}
