package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Averages {@code fx x fy} blocks into one pixel: an exact, cheap first stage for large reductions,
 * leaving a factor of about two for the Lanczos filter (Pillow's "reducing gap"). Edge blocks that
 * fall outside the source average the pixels they have.
 */
final class BoxReduce {

    private BoxReduce() {
    }

    static Pixels reduce(Pixels src, int fx, int fy) {
        int c = src.channels();
        int sw = src.width();
        int sh = src.height();
        int dw = (sw + fx - 1) / fx;
        int dh = (sh + fy - 1) / fy;
        Pixels dst = Pixels.allocate(dw, dh, c);
        byte[] s = src.data();
        byte[] d = dst.data();
        int[] sum = new int[dw * c];
        int[] count = new int[dw];
        for (int x = 0; x < dw; x++) {
            count[x] = Math.min(fx, sw - x * fx);
        }
        for (int oy = 0; oy < dh; oy++) {
            java.util.Arrays.fill(sum, 0);
            int rows = Math.min(fy, sh - oy * fy);
            for (int ry = 0; ry < rows; ry++) {
                int row = (oy * fy + ry) * sw * c;
                for (int ox = 0; ox < dw; ox++) {
                    int base = row + ox * fx * c;
                    int end = base + count[ox] * c;
                    int acc = ox * c;
                    for (int i = base; i < end; i += c) {
                        for (int k = 0; k < c; k++) {
                            sum[acc + k] += s[i + k] & 0xFF;
                        }
                    }
                }
            }
            int out = oy * dw * c;
            for (int ox = 0; ox < dw; ox++) {
                int n = count[ox] * rows;
                int half = n >> 1;
                for (int k = 0; k < c; k++) {
                    d[out + ox * c + k] = (byte) ((sum[ox * c + k] + half) / n);
                }
            }
        }
        return dst;
    }
}
