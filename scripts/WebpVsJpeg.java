import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Bytes of WebP renditions against JPEG at the same SSIM (scripts/webp-vs-jpeg.sh makes the
 * renditions). For each image: SSIM of the JPEG against the lossless PNG rendition, then the
 * smallest WebP whose SSIM is at least that. SSIM as Wang et al. 2004: luma (BT.601) of the
 * pictures composited onto white, 11x11 Gaussian window (sigma 1.5), K1 0.01, K2 0.03, mean over
 * the windows that fit.
 *
 * <p>{@code java -cp resizer-cli/target/resizer.jar scripts/WebpVsJpeg.java OUT jpg w30 w40 ...}
 */
public class WebpVsJpeg {

    public static void main(String[] args) throws IOException {
        File out = new File(args[0]);
        String jpeg = args[1];
        String[] webps = Arrays.copyOfRange(args, 2, args.length);
        System.out.println("| file | JPEG bytes | JPEG SSIM | WebP quality | WebP bytes | WebP SSIM | WebP / JPEG |");
        System.out.println("|---|---|---|---|---|---|---|");
        long jpegTotal = 0;
        long webpTotal = 0;
        for (File ref : sorted(new File(out, "ref").listFiles())) {
            String stem = ref.getName().replaceFirst("\\.png$", "");
            double[] y = luma(ImageIO.read(ref));
            int w = ImageIO.read(ref).getWidth();
            File j = new File(new File(out, jpeg), stem + ".jpg");
            double jpegSsim = ssim(y, luma(ImageIO.read(j)), w);
            String pick = null;
            long pickBytes = Long.MAX_VALUE;
            double pickSsim = 0;
            for (String q : webps) {
                File f = new File(new File(out, q), stem + ".webp");
                double s = ssim(y, luma(ImageIO.read(f)), w);
                if (s >= jpegSsim && f.length() < pickBytes) {
                    pick = q;
                    pickBytes = f.length();
                    pickSsim = s;
                }
            }
            if (pick == null) {
                System.out.printf(Locale.ROOT, "| %s | %d | %.4f | none reaches it | | | |%n", ref.getName(), j.length(), jpegSsim);
                continue;
            }
            jpegTotal += j.length();
            webpTotal += pickBytes;
            System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %s | %d | %.4f | %.2f |%n", stem, j.length(), jpegSsim,
                    pick.substring(1), pickBytes, pickSsim, (double) pickBytes / j.length());
        }
        System.out.printf(Locale.ROOT, "| all | %d | | | %d | | %.2f |%n", jpegTotal, webpTotal, (double) webpTotal / jpegTotal);
    }

    private static File[] sorted(File[] files) {
        Arrays.sort(files);
        return files;
    }

    /** BT.601 luma of the image composited onto white. */
    static double[] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] y = new double[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int argb = image.getRGB(c, r);
                double a = (argb >>> 24) / 255.0;
                double red = ((argb >> 16) & 0xFF) * a + 255 * (1 - a);
                double green = ((argb >> 8) & 0xFF) * a + 255 * (1 - a);
                double blue = (argb & 0xFF) * a + 255 * (1 - a);
                y[r * w + c] = 0.299 * red + 0.587 * green + 0.114 * blue;
            }
        }
        return y;
    }

    static double ssim(double[] x, double[] y, int w) {
        int h = x.length / w;
        double[] xy = new double[x.length];
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xy[i] = x[i] * y[i];
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
        }
        double[] mx = blur(x, w, h);
        double[] my = blur(y, w, h);
        double[] sxx = blur(xx, w, h);
        double[] syy = blur(yy, w, h);
        double[] sxy = blur(xy, w, h);
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        double sum = 0;
        int n = 0;
        for (int r = 5; r < h - 5; r++) {
            for (int c = 5; c < w - 5; c++) {
                int i = r * w + c;
                double vx = sxx[i] - mx[i] * mx[i];
                double vy = syy[i] - my[i] * my[i];
                double cov = sxy[i] - mx[i] * my[i];
                sum += (2 * mx[i] * my[i] + c1) * (2 * cov + c2)
                        / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
                n++;
            }
        }
        return sum / n;
    }

    /** 11-tap Gaussian, sigma 1.5, both directions; edges clamped (only interior windows are used). */
    static double[] blur(double[] v, int w, int h) {
        double[] k = new double[11];
        double total = 0;
        for (int i = 0; i < 11; i++) {
            k[i] = Math.exp(-((i - 5) * (i - 5)) / (2 * 1.5 * 1.5));
            total += k[i];
        }
        for (int i = 0; i < 11; i++) {
            k[i] /= total;
        }
        double[] across = new double[v.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double s = 0;
                for (int t = 0; t < 11; t++) {
                    s += k[t] * v[r * w + Math.min(w - 1, Math.max(0, c + t - 5))];
                }
                across[r * w + c] = s;
            }
        }
        double[] out = new double[v.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double s = 0;
                for (int t = 0; t < 11; t++) {
                    s += k[t] * across[Math.min(h - 1, Math.max(0, r + t - 5)) * w + c];
                }
                out[r * w + c] = s;
            }
        }
        return out;
    }
}
