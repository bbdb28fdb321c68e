package dev.s3resizer.core;

import dev.s3resizer.core.decode.ImageIoDecoder;
import dev.s3resizer.core.encode.ImageIoJpegEncoder;
import dev.s3resizer.core.encode.ImageIoPngEncoder;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pipeline decodes JPEGs with the scaled decoder and gets the same picture as with ImageIO. */
class ImageResizerJpegTest {

    @Test
    void scaledJpegDecodeGivesTheSameRenditionAsImageIo() throws IOException {
        byte[] jpeg = photo(1600, 1200);
        Rendition rendition = Rendition.parse("thumb", "300,jpeg,q95");

        RenditionResult fast = new ImageResizer(Limits.DEFAULT).render(jpeg, rendition);
        RenditionResult reference = new ImageResizer(Limits.DEFAULT, new ImageIoDecoder(), new ImageIoJpegEncoder(),
                new ImageIoPngEncoder()).render(jpeg, rendition);

        assertThat(new int[] {fast.width(), fast.height()}).containsExactly(300, 225);
        assertThat(psnr(read(fast.bytes()), read(reference.bytes()))).isGreaterThanOrEqualTo(35);
    }

    private static byte[] photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 160), width, height, new Color(240, 190, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(90, 90, 90));
        for (int i = 0; i < 30; i++) {
            g.fillOval(i * 53 % width, i * 97 % height, 40 + i * 7, 30 + i * 5);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static double psnr(BufferedImage a, BufferedImage b) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = (p >> shift & 255) - (q >> shift & 255);
                    sum += (long) d * d;
                    n++;
                }
            }
        }
        return sum == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 * n / sum);
    }
}
