package dev.s3resizer.core.jpeg.encode;

import dev.s3resizer.core.pixels.Pixels;

import java.util.SplittableRandom;

/**
 * Photo-like test pictures made in code: a smooth two-axis colour gradient (sky, skin), soft
 * discs and a hard-edged rectangle (objects), fine stripes (texture) and mild sensor noise.
 */
final class SyntheticImages {

    private SyntheticImages() {
    }

    /** An RGB picture; the same seed gives the same pixels. */
    static Pixels rgb(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Pixels p = Pixels.allocate(width, height, 3);
        byte[] d = p.data();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] c = scene(x / (double) width, y / (double) height, x, y);
                int i = (y * width + x) * 3;
                for (int k = 0; k < 3; k++) {
                    d[i + k] = (byte) clamp(c[k] + random.nextGaussian() * 2.0);
                }
            }
        }
        return p;
    }

    /** A gray picture: the luma of {@link #rgb}. */
    static Pixels gray(int width, int height, long seed) {
        Pixels colour = rgb(width, height, seed);
        Pixels g = Pixels.allocate(width, height, 1);
        byte[] c = colour.data();
        for (int i = 0; i < width * height; i++) {
            double v = 0.299 * (c[3 * i] & 0xFF) + 0.587 * (c[3 * i + 1] & 0xFF) + 0.114 * (c[3 * i + 2] & 0xFF);
            g.data()[i] = (byte) clamp(v);
        }
        return g;
    }

    private static double[] scene(double u, double v, int x, int y) {
        double[] c = {60 + 150 * u, 90 + 100 * v, 200 - 120 * u * v};
        double disc = Math.hypot(u - 0.35, v - 0.45);
        if (disc < 0.2) {
            double soft = Math.min(1, (0.2 - disc) * 25);
            c[0] = c[0] * (1 - soft) + 220 * soft;
            c[1] = c[1] * (1 - soft) + 170 * soft;
            c[2] = c[2] * (1 - soft) + 120 * soft;
        }
        if (u > 0.6 && u < 0.85 && v > 0.2 && v < 0.5) {
            c[0] = 40;
            c[1] = 120;
            c[2] = 60;
        }
        if (v > 0.75) {
            double stripes = 20 * Math.sin(x * 0.9) * Math.sin(y * 0.35);
            c[0] += stripes;
            c[1] += stripes;
            c[2] += stripes;
        }
        return c;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
