package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Pixels;

/**
 * The two convolution passes, streamed one output row at a time so the working set stays in cache:
 * vertical first, over widened {@code int} copies of the few source rows it needs (a loop shape the
 * JIT vectorises), keeping 6 fractional bits; then horizontal, straight into the output row.
 */
final class Passes {

    /** Fractional bits kept between the passes. */
    private static final int MID_BITS = 6;
    private static final int V_SHIFT = Kernel.PRECISION - MID_BITS;
    private static final int H_SHIFT = Kernel.PRECISION + MID_BITS;
    private static final int H_HALF = 1 << (H_SHIFT - 1);

    private Passes() {
    }

    static void resample(Pixels src, Kernel vertical, Kernel horizontal, Pixels dst) {
        int c = src.channels();
        int x0 = horizontal.firstSource();
        int width = (horizontal.endSource() - x0) * c;
        SourceRows rows = new SourceRows(src, x0 * c, width, vertical.taps);
        int[] acc = new int[width];
        byte[] out = dst.data();
        int outStride = dst.stride();
        for (int y = 0; y < dst.height(); y++) {
            accumulate(rows, vertical, y, acc, width);
            if (c == 3) {
                horizontal3(acc, x0, horizontal, out, y * outStride);
            } else {
                horizontalAny(acc, c, x0, horizontal, out, y * outStride);
            }
        }
    }

    /** acc = the vertical filter of output row y, with MID_BITS fractional bits. */
    private static void accumulate(SourceRows rows, Kernel k, int y, int[] acc, int width) {
        int n = k.count[y];
        int first = k.start[y];
        int w0 = k.weights[y * k.taps];
        int[] row = rows.row(first);
        for (int x = 0; x < width; x++) {
            acc[x] = row[x] * w0;
        }
        for (int j = 1; j < n; j++) {
            int w = k.weights[y * k.taps + j];
            row = rows.row(first + j);
            for (int x = 0; x < width; x++) {
                acc[x] += row[x] * w;
            }
        }
        int half = 1 << (V_SHIFT - 1);
        for (int x = 0; x < width; x++) {
            acc[x] = (acc[x] + half) >> V_SHIFT;
        }
    }

    private static void horizontal3(int[] mid, int x0, Kernel k, byte[] out, int o) {
        int[] start = k.start;
        int[] count = k.count;
        int[] weights = k.weights;
        int taps = k.taps;
        for (int x = 0; x < start.length; x++) {
            int r = H_HALF;
            int g = H_HALF;
            int b = H_HALF;
            int i = (start[x] - x0) * 3;
            int wi = x * taps;
            for (int j = 0, n = count[x]; j < n; j++, i += 3) {
                int w = weights[wi + j];
                r += mid[i] * w;
                g += mid[i + 1] * w;
                b += mid[i + 2] * w;
            }
            out[o++] = clamp(r);
            out[o++] = clamp(g);
            out[o++] = clamp(b);
        }
    }

    private static void horizontalAny(int[] mid, int c, int x0, Kernel k, byte[] out, int o) {
        for (int x = 0; x < k.start.length; x++) {
            int base = (k.start[x] - x0) * c;
            int wi = x * k.taps;
            for (int ch = 0; ch < c; ch++) {
                int acc = H_HALF;
                for (int j = 0, i = base + ch, n = k.count[x]; j < n; j++, i += c) {
                    acc += mid[i] * k.weights[wi + j];
                }
                out[o++] = clamp(acc);
            }
        }
    }

    private static byte clamp(int fixed) {
        int v = fixed >> H_SHIFT;
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }

    /** A ring of source rows widened to int, each converted once however many output rows read it. */
    private static final class SourceRows {
        private final byte[] data;
        private final int stride;
        private final int from;
        private final int[][] ring;
        private final int[] held;

        SourceRows(Pixels src, int from, int width, int size) {
            this.data = src.data();
            this.stride = src.stride();
            this.from = from;
            this.ring = new int[size][width];
            this.held = new int[size];
            java.util.Arrays.fill(held, -1);
        }

        int[] row(int y) {
            int slot = y % ring.length;
            int[] row = ring[slot];
            if (held[slot] != y) {
                int at = y * stride + from;
                for (int x = 0; x < row.length; x++) {
                    row[x] = data[at + x] & 0xFF;
                }
                held[slot] = y;
            }
            return row;
        }
    }
}
