package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Pixels;

/** The two one-dimensional convolution passes, with plain loops the JIT can unroll and vectorise. */
final class Passes {

    private static final int HALF = 1 << (Kernel.PRECISION - 1);

    private Passes() {
    }

    /** Filters rows {@code [firstRow, firstRow + rows)} of {@code src} horizontally into {@code dst}. */
    static void horizontal(Pixels src, int firstRow, int rows, Kernel k, Pixels dst) {
        int c = src.channels();
        byte[] s = src.data();
        byte[] d = dst.data();
        int srcStride = src.stride();
        int outW = dst.width();
        int[] start = k.start;
        int[] count = k.count;
        int[] weights = k.weights;
        int taps = k.taps;
        for (int y = 0; y < rows; y++) {
            int rowBase = (firstRow + y) * srcStride;
            int o = y * outW * c;
            for (int x = 0; x < outW; x++) {
                int w0 = x * taps;
                int n = count[x];
                int i = rowBase + start[x] * c;
                if (c == 3) {
                    int r = HALF;
                    int g = HALF;
                    int b = HALF;
                    for (int j = 0; j < n; j++, i += 3) {
                        int w = weights[w0 + j];
                        r += (s[i] & 0xFF) * w;
                        g += (s[i + 1] & 0xFF) * w;
                        b += (s[i + 2] & 0xFF) * w;
                    }
                    d[o++] = clamp(r);
                    d[o++] = clamp(g);
                    d[o++] = clamp(b);
                } else {
                    for (int ch = 0; ch < c; ch++) {
                        int acc = HALF;
                        for (int j = 0, p = i + ch; j < n; j++, p += c) {
                            acc += (s[p] & 0xFF) * weights[w0 + j];
                        }
                        d[o++] = clamp(acc);
                    }
                }
            }
        }
    }

    /** Filters {@code src} (whose row 0 is source row {@code firstRow}) vertically into {@code dst}. */
    static void vertical(Pixels src, int firstRow, Kernel k, Pixels dst) {
        byte[] s = src.data();
        byte[] d = dst.data();
        int stride = dst.stride();
        int[] acc = new int[stride];
        for (int y = 0; y < dst.height(); y++) {
            java.util.Arrays.fill(acc, HALF);
            int n = k.count[y];
            int rowBase = (k.start[y] - firstRow) * stride;
            for (int j = 0; j < n; j++) {
                int w = k.weights[y * k.taps + j];
                int row = rowBase + j * stride;
                for (int x = 0; x < stride; x++) {
                    acc[x] += (s[row + x] & 0xFF) * w;
                }
            }
            int o = y * stride;
            for (int x = 0; x < stride; x++) {
                d[o + x] = clamp(acc[x]);
            }
        }
    }

    private static byte clamp(int fixed) {
        int v = fixed >> Kernel.PRECISION;
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
