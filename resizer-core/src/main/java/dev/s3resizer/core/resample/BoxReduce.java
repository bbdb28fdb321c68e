package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Averages {@code fx x fy} blocks into one pixel: an exact, cheap first stage for large reductions,
 * leaving a factor of about two for the Lanczos filter (Pillow's "reducing gap"). Edge blocks that
 * fall outside the source average the pixels they have, which with 2 x 2 blocks is what a 4:2:0
 * JPEG encoder does to chroma (the last sample of an odd side is the edge pixel's own).
 *
 * <p>{@code Pixels half = BoxReduce.reduce(chroma, 2, 2);}
 */
public final class BoxReduce {

    private BoxReduce() {
    }

    public static Pixels reduce(Pixels src, int fx, int fy) {
        int c = src.channels();
        int sw = src.width();
        int sh = src.height();
        int dw = (sw + fx - 1) / fx;
        int dh = (sh + fy - 1) / fy;
        Pixels dst = Pixels.allocate(dw, dh, c);
        byte[] s = src.data();
        byte[] d = dst.data();
        int stride = sw * c;
        int[] columns = new int[stride];
        for (int oy = 0; oy < dh; oy++) {
            int rows = Math.min(fy, sh - oy * fy);
            sumRows(s, (oy * fy) * stride, rows, stride, columns);
            int out = oy * dw * c;
            for (int ox = 0; ox < dw; ox++) {
                int cols = Math.min(fx, sw - ox * fx);
                int n = cols * rows;
                int first = ox * fx * c;
                for (int k = 0; k < c; k++) {
                    int sum = 0;
                    for (int i = first + k, end = first + cols * c; i < end; i += c) {
                        sum += columns[i];
                    }
                    d[out++] = (byte) ((sum + (n >> 1)) / n);
                }
            }
        }
        return dst;
    }

    /** columns[i] = the sum of sample i over {@code rows} rows starting at {@code at}. */
    private static void sumRows(byte[] s, int at, int rows, int stride, int[] columns) {
        for (int i = 0; i < stride; i++) {
            columns[i] = s[at + i] & 0xFF;
        }
        for (int r = 1; r < rows; r++) {
            int row = at + r * stride;
            for (int i = 0; i < stride; i++) {
                columns[i] += s[row + i] & 0xFF;
            }
        }
    }
}
