import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.webp.WebpEncoder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libwebp's encode time through the resizer (WebpEncoder: pixels copied through JNI, then
 * WebPEncode) against cwebp's own "Time to encode picture" on the same PNG at the same quality,
 * best of N runs each after warm-up, one thread. Usage:
 * {@code java -cp resizer-cli/target/resizer.jar scripts/WebpEncodeTime.java QUALITY ROUNDS PNG...}
 */
public class WebpEncodeTime {

    private static final Pattern CWEBP_TIME = Pattern.compile("Time to encode picture: ([0-9.]+)s");

    public static void main(String[] args) throws Exception {
        int quality = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Rendition rendition = Rendition.parse("w", "16384,webp,q" + quality);
        WebpEncoder encoder = new WebpEncoder();
        System.out.println("| file | size | resizer ms | resizer bytes | cwebp ms | cwebp bytes | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int i = 2; i < args.length; i++) {
            File png = new File(args[i]);
            Pixels pixels = pixels(ImageIO.read(png));
            double best = Double.MAX_VALUE;
            int bytes = 0;
            for (int r = 0; r < rounds + 3; r++) {
                long t0 = System.nanoTime();
                bytes = encoder.encode(pixels, rendition).length;
                double ms = (System.nanoTime() - t0) / 1e6;
                if (r >= 3) {
                    best = Math.min(best, ms);
                }
            }
            double cwebp = Double.MAX_VALUE;
            long cwebpBytes = 0;
            File out = File.createTempFile("cwebp", ".webp");
            for (int r = 0; r < rounds; r++) {
                Process p = new ProcessBuilder("cwebp", "-v", "-q", String.valueOf(quality), png.getPath(), "-o",
                        out.getPath()).redirectErrorStream(true).start();
                String log = new String(p.getInputStream().readAllBytes());
                p.waitFor();
                Matcher m = CWEBP_TIME.matcher(log);
                if (m.find()) {
                    cwebp = Math.min(cwebp, Double.parseDouble(m.group(1)) * 1000);
                }
                cwebpBytes = out.length();
            }
            out.delete();
            System.out.printf(Locale.ROOT, "| %s | %dx%d | %.1f | %d | %.1f | %d | %.2f |%n", png.getName(),
                    pixels.width(), pixels.height(), best, bytes, cwebp, cwebpBytes, best / cwebp);
        }
    }

    /** RGB or RGBA pixels of an 8-bit image. */
    private static Pixels pixels(BufferedImage image) throws IOException {
        boolean alpha = image.getColorModel().hasAlpha();
        int c = alpha ? 4 : 3;
        Pixels p = Pixels.allocate(image.getWidth(), image.getHeight(), c);
        byte[] d = p.data();
        for (int y = 0, o = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++, o += c) {
                int argb = image.getRGB(x, y);
                d[o] = (byte) (argb >> 16);
                d[o + 1] = (byte) (argb >> 8);
                d[o + 2] = (byte) argb;
                if (alpha) {
                    d[o + 3] = (byte) (argb >>> 24);
                }
            }
        }
        return p;
    }
}
