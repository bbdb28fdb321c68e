package dev.s3resizer.core.jpeg;

import static dev.s3resizer.core.jpeg.Idct.CONST_BITS;
import static dev.s3resizer.core.jpeg.Idct.PASS1_BITS;
import static dev.s3resizer.core.jpeg.Idct.clamp;

/**
 * Inverse DCTs to sizes that are not powers of two (3, 5, 6 or 7 pixels per axis), the way
 * libjpeg's scaled IDCTs make them: the block's cosine series, cut off at the N lowest
 * frequencies per axis (the ones an N-pixel grid can hold), sampled at the centres of N pixels
 * spread over the block. A flat block keeps its level; nothing above the new grid's Nyquist
 * frequency folds back into it.
 *
 * <p>3x3, the scale a 12 MP photo takes for a 1000 px rendition, has its own unrolled transform;
 * other sizes go through small per-axis matrices. Input blocks are 64 coefficients in natural
 * order, holding only the frequencies the transform reads (the others go to a sink); each call
 * clears those. Thread-safe: all work is in locals or the caller's arrays.
 */
final class TruncatedIdct {

    private static final int SHIFT = CONST_BITS + PASS1_BITS;
    private static final int ROUND = (1 << (SHIFT - 1)) + (128 << SHIFT);
    private static final int PASS1_SHIFT = CONST_BITS - PASS1_BITS;
    private static final int PASS1_ROUND = 1 << (PASS1_SHIFT - 1);
    /** The 3-point weights: 1/(2 sqrt 2), sqrt(3)/4 and 1/4, 13-bit fixed point. */
    private static final int A3 = 2896;
    private static final int B3 = 3547;
    private static final int C3 = 2048;

    /** {@code 1/2 cos(k pi / 10)}, the 5-point weights, 13-bit fixed point. */
    private static final int F1 = half(1, 10);
    private static final int F2 = half(2, 10);
    private static final int F3 = half(3, 10);
    private static final int F4 = half(4, 10);
    /** {@code 1/2 cos(k pi / 12)}, the 6-point weights. */
    private static final int S1 = half(1, 12);
    private static final int S2 = half(2, 12);
    private static final int S3 = half(3, 12);
    private static final int S4 = half(4, 12);
    private static final int S5 = half(5, 12);
    private static final int HALF = 1 << (CONST_BITS - 1);

    private TruncatedIdct() {
    }

    private static int half(int k, int d) {
        return (int) Math.round(0.5 * Math.cos(k * Math.PI / d) * (1 << CONST_BITS));
    }

    /**
     * Per-axis weights of the {@code n}-point transform, 8 per output pixel x: {@code 1/2 C(u)
     * cos((2x+1) u pi / 2n)} for frequency u below n, 0 above, in 13-bit fixed point.
     */
    static int[] matrix(int n) {
        int[] m = new int[8 * n];
        for (int x = 0; x < n; x++) {
            for (int u = 0; u < Math.min(n, 8); u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1;
                m[x * 8 + u] = (int) Math.round(0.5 * c * Math.cos((2 * x + 1) * u * Math.PI / (2 * n)) * (1 << CONST_BITS));
            }
        }
        return m;
    }

    /** 3x3 pixels from the 3x3 lowest frequencies. */
    static void idct3(int[] c, int off, int eob, int[] q, byte[] out, int at, int stride) {
        int f00 = c[off] * q[0];
        int f01 = c[off + 1] * q[1];
        int f02 = c[off + 2] * q[2];
        int f10 = c[off + 8] * q[8];
        int f11 = c[off + 9] * q[9];
        int f12 = c[off + 10] * q[10];
        int f20 = c[off + 16] * q[16];
        int f21 = c[off + 17] * q[17];
        int f22 = c[off + 18] * q[18];
        c[off] = c[off + 1] = c[off + 2] = 0;
        c[off + 8] = c[off + 9] = c[off + 10] = 0;
        c[off + 16] = c[off + 17] = c[off + 18] = 0;
        int e = f00 * A3 + f20 * C3;
        int o = f10 * B3;
        int d = f00 * A3 - 2 * f20 * C3;
        int w00 = (e + o + PASS1_ROUND) >> PASS1_SHIFT;
        int w10 = (d + PASS1_ROUND) >> PASS1_SHIFT;
        int w20 = (e - o + PASS1_ROUND) >> PASS1_SHIFT;
        e = f01 * A3 + f21 * C3;
        o = f11 * B3;
        d = f01 * A3 - 2 * f21 * C3;
        int w01 = (e + o + PASS1_ROUND) >> PASS1_SHIFT;
        int w11 = (d + PASS1_ROUND) >> PASS1_SHIFT;
        int w21 = (e - o + PASS1_ROUND) >> PASS1_SHIFT;
        e = f02 * A3 + f22 * C3;
        o = f12 * B3;
        d = f02 * A3 - 2 * f22 * C3;
        int w02 = (e + o + PASS1_ROUND) >> PASS1_SHIFT;
        int w12 = (d + PASS1_ROUND) >> PASS1_SHIFT;
        int w22 = (e - o + PASS1_ROUND) >> PASS1_SHIFT;
        row3(w00, w01, w02, out, at);
        row3(w10, w11, w12, out, at + stride);
        row3(w20, w21, w22, out, at + 2 * stride);
    }

    /** 3 pixels across, 2 down (4:2:2 chroma, whose rows are twice as dense as needed). */
    static void idct3x2(int[] c, int off, int[] q, byte[] out, int at, int stride) {
        int f00 = c[off] * q[0];
        int f01 = c[off + 1] * q[1];
        int f02 = c[off + 2] * q[2];
        int f10 = c[off + 8] * q[8];
        int f11 = c[off + 9] * q[9];
        int f12 = c[off + 10] * q[10];
        c[off] = c[off + 1] = c[off + 2] = 0;
        c[off + 8] = c[off + 9] = c[off + 10] = 0;
        row3((A3 * (f00 + f10) + PASS1_ROUND) >> PASS1_SHIFT, (A3 * (f01 + f11) + PASS1_ROUND) >> PASS1_SHIFT,
                (A3 * (f02 + f12) + PASS1_ROUND) >> PASS1_SHIFT, out, at);
        row3((A3 * (f00 - f10) + PASS1_ROUND) >> PASS1_SHIFT, (A3 * (f01 - f11) + PASS1_ROUND) >> PASS1_SHIFT,
                (A3 * (f02 - f12) + PASS1_ROUND) >> PASS1_SHIFT, out, at + stride);
    }

    /** 2 pixels across, 3 down (4:4:0 chroma). */
    static void idct2x3(int[] c, int off, int[] q, byte[] out, int at, int stride) {
        int f00 = c[off] * q[0];
        int f01 = c[off + 1] * q[1];
        int f10 = c[off + 8] * q[8];
        int f11 = c[off + 9] * q[9];
        int f20 = c[off + 16] * q[16];
        int f21 = c[off + 17] * q[17];
        c[off] = c[off + 1] = c[off + 8] = c[off + 9] = c[off + 16] = c[off + 17] = 0;
        int e0 = f00 * A3 + f20 * C3;
        int o0 = f10 * B3;
        int e1 = f01 * A3 + f21 * C3;
        int o1 = f11 * B3;
        row2((e0 + o0 + PASS1_ROUND) >> PASS1_SHIFT, (e1 + o1 + PASS1_ROUND) >> PASS1_SHIFT, out, at);
        row2((f00 * A3 - 2 * f20 * C3 + PASS1_ROUND) >> PASS1_SHIFT,
                (f01 * A3 - 2 * f21 * C3 + PASS1_ROUND) >> PASS1_SHIFT, out, at + stride);
        row2((e0 - o0 + PASS1_ROUND) >> PASS1_SHIFT, (e1 - o1 + PASS1_ROUND) >> PASS1_SHIFT, out, at + 2 * stride);
    }

    private static void row2(int f0, int f1, byte[] out, int at) {
        out[at] = (byte) clamp((A3 * (f0 + f1) + ROUND) >> SHIFT);
        out[at + 1] = (byte) clamp((A3 * (f0 - f1) + ROUND) >> SHIFT);
    }

    private static void row3(int f0, int f1, int f2, byte[] out, int at) {
        int e = f0 * A3 + f2 * C3 + ROUND;
        int o = f1 * B3;
        out[at] = (byte) clamp((e + o) >> SHIFT);
        out[at + 1] = (byte) clamp((f0 * A3 - 2 * f2 * C3 + ROUND) >> SHIFT);
        out[at + 2] = (byte) clamp((e - o) >> SHIFT);
    }

    /**
     * 5x5 pixels: the 5-point transform down the columns the end of block can reach, then along
     * the rows, each output pair {@code x, 4-x} sharing its even and odd halves. {@code ws} is a
     * work array of at least 40 ints.
     */
    static void idct5(int[] c, int off, int eob, int[] q, int[] ws, byte[] out, int at, int stride) {
        int columns = Math.min(5, FrameHeaders.COLUMNS[eob]);
        for (int u = 0; u < 5; u++) {
            int p = off + u;
            if (u < columns) {
                five(c[p] * q[u], c[p + 8] * q[u + 8], c[p + 16] * q[u + 16], c[p + 24] * q[u + 24],
                        c[p + 32] * q[u + 32], ws, u, 8, PASS1_ROUND, PASS1_SHIFT);
            } else {
                ws[u] = ws[u + 8] = ws[u + 16] = ws[u + 24] = ws[u + 32] = 0;
            }
        }
        clearWindow(c, off, 5, 5);
        for (int r = 0; r < 40; r += 8, at += stride) {
            five(ws[r], ws[r + 1], ws[r + 2], ws[r + 3], ws[r + 4], ws, r, 1, ROUND, SHIFT);
            out[at] = (byte) clamp(ws[r]);
            out[at + 1] = (byte) clamp(ws[r + 1]);
            out[at + 2] = (byte) clamp(ws[r + 2]);
            out[at + 3] = (byte) clamp(ws[r + 3]);
            out[at + 4] = (byte) clamp(ws[r + 4]);
        }
    }

    /** 6x6 pixels, as {@link #idct5}; {@code ws} holds at least 48 ints. */
    static void idct6(int[] c, int off, int eob, int[] q, int[] ws, byte[] out, int at, int stride) {
        int columns = Math.min(6, FrameHeaders.COLUMNS[eob]);
        for (int u = 0; u < 6; u++) {
            int p = off + u;
            if (u < columns) {
                six(c[p] * q[u], c[p + 8] * q[u + 8], c[p + 16] * q[u + 16], c[p + 24] * q[u + 24],
                        c[p + 32] * q[u + 32], c[p + 40] * q[u + 40], ws, u, 8, PASS1_ROUND, PASS1_SHIFT);
            } else {
                ws[u] = ws[u + 8] = ws[u + 16] = ws[u + 24] = ws[u + 32] = ws[u + 40] = 0;
            }
        }
        clearWindow(c, off, 6, 6);
        for (int r = 0; r < 48; r += 8, at += stride) {
            six(ws[r], ws[r + 1], ws[r + 2], ws[r + 3], ws[r + 4], ws[r + 5], ws, r, 1, ROUND, SHIFT);
            out[at] = (byte) clamp(ws[r]);
            out[at + 1] = (byte) clamp(ws[r + 1]);
            out[at + 2] = (byte) clamp(ws[r + 2]);
            out[at + 3] = (byte) clamp(ws[r + 3]);
            out[at + 4] = (byte) clamp(ws[r + 4]);
            out[at + 5] = (byte) clamp(ws[r + 5]);
        }
    }

    /** The 5-point transform of {@code f0..f4} to {@code dst[at + x * step]}. */
    private static void five(int f0, int f1, int f2, int f3, int f4, int[] dst, int at, int step, int round,
                             int shift) {
        int base = f0 * A3 + round;
        int e0 = base + f2 * F2 + f4 * F4;
        int o0 = f1 * F1 + f3 * F3;
        int e1 = base - f2 * F4 - f4 * F2;
        int o1 = f1 * F3 - f3 * F1;
        dst[at] = (e0 + o0) >> shift;
        dst[at + step] = (e1 + o1) >> shift;
        dst[at + 2 * step] = (base + (f4 - f2) * HALF) >> shift;
        dst[at + 3 * step] = (e1 - o1) >> shift;
        dst[at + 4 * step] = (e0 - o0) >> shift;
    }

    /** The 6-point transform of {@code f0..f5} to {@code dst[at + x * step]}. */
    private static void six(int f0, int f1, int f2, int f3, int f4, int f5, int[] dst, int at, int step, int round,
                            int shift) {
        int base = f0 * A3 + round;
        int e0 = base + f2 * S2 + f4 * S4;
        int o0 = f1 * S1 + f3 * S3 + f5 * S5;
        int e1 = base - f4 * HALF;
        int o1 = (f1 - f3 - f5) * S3;
        int e2 = base - f2 * S2 + f4 * S4;
        int o2 = f1 * S5 - f3 * S3 + f5 * S1;
        dst[at] = (e0 + o0) >> shift;
        dst[at + step] = (e1 + o1) >> shift;
        dst[at + 2 * step] = (e2 + o2) >> shift;
        dst[at + 3 * step] = (e2 - o2) >> shift;
        dst[at + 4 * step] = (e1 - o1) >> shift;
        dst[at + 5 * step] = (e0 - o0) >> shift;
    }

    /**
     * {@code w x h} pixels through the per-axis matrices ({@link #matrix}) {@code mw} and
     * {@code mh}; {@code ws} is a work array of at least 64 ints.
     */
    static void idct(int[] c, int off, int eob, int[] q, int[] mw, int w, int[] mh, int h, int[] ws,
                     byte[] out, int at, int stride) {
        int columns = Math.min(w, FrameHeaders.COLUMNS[eob]);
        int rows = Math.min(h, FrameHeaders.ROWS[eob]);
        for (int u = 0; u < w; u++) {
            for (int y = 0; y < h; y++) {
                int sum = PASS1_ROUND;
                if (u < columns) {
                    for (int v = 0; v < rows; v++) {
                        sum += mh[y * 8 + v] * (c[off + v * 8 + u] * q[v * 8 + u]);
                    }
                }
                ws[y * 8 + u] = sum >> PASS1_SHIFT;
            }
        }
        clearWindow(c, off, w, h);
        for (int y = 0; y < h; y++, at += stride) {
            for (int x = 0; x < w; x++) {
                int sum = ROUND;
                for (int u = 0; u < columns; u++) {
                    sum += mw[x * 8 + u] * ws[y * 8 + u];
                }
                out[at + x] = (byte) clamp(sum >> SHIFT);
            }
        }
    }

    /**
     * Zeroes the low frequencies a truncated block holds (the decoders route the rest to a sink,
     * {@link ScaledLayout.Plane#slots}): {@code h} rows of {@code max(w, 5)} columns, which covers
     * the {@code w x h} window.
     */
    private static void clearWindow(int[] c, int off, int w, int h) {
        for (int r = off, end = off + h * 8; r < end; r += 8) {
            c[r] = 0;
            c[r + 1] = 0;
            c[r + 2] = 0;
            c[r + 3] = 0;
            c[r + 4] = 0;
            for (int u = 5; u < w; u++) {
                c[r + u] = 0;
            }
        }
    }
}
