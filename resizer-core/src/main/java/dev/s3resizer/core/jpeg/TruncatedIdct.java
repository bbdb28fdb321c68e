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
    /** 1/(2 sqrt 2), the DC factor of the 6-point transform, 13-bit fixed point. */
    private static final int A3 = 2896;

    /** {@code 1/2 cos(k pi / 12)}, the 6-point weights. */
    private static final int S1 = half(1, 12);
    private static final int S2 = half(2, 12);
    private static final int S3 = half(3, 12);
    private static final int S4 = half(4, 12);
    private static final int S5 = half(5, 12);
    private static final int HALF = 1 << (CONST_BITS - 1);
    /** Fraction bits of folded weights ({@link #weights}) and of the sums made from them. */
    private static final int FOLD = 15;
    private static final int FOLD_ROUND = (1 << (FOLD - 1)) + (128 << FOLD);
    /** The 5-point constants: {@code (cos(pi/5) + cos(2 pi/5)) / 2 = sqrt(5)/4}, ... */
    private static final float F5_M = (float) (Math.sqrt(5) / 4);
    /** ... {@code b = cos(3 pi/10)}, {@code a - b} and {@code a + b} with {@code a = cos(pi/10)}. */
    private static final float F5_B = (float) Math.cos(3 * Math.PI / 10);
    private static final float F5_A_MINUS_B = (float) (Math.cos(Math.PI / 10) - Math.cos(3 * Math.PI / 10));
    private static final float F5_A_PLUS_B = (float) (Math.cos(Math.PI / 10) + Math.cos(3 * Math.PI / 10));

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

    /** True for the sizes with folded fixed-point transforms: 3x3, 3x2 and 2x3 ({@link #weights}). */
    static boolean folds(int width, int height) {
        return width == height ? width == 3 : (width == 3 && height == 2) || (width == 2 && height == 3);
    }

    /**
     * Quantisation steps folded with the factor each frequency carries in the N-point transforms
     * ({@code 1/2 C(u)} times, for 2 and 3 points, the one cosine magnitude every pixel shares),
     * {@link #FOLD} fixed point. With them, {@link #idct3}, {@link #idct3x2} and {@link #idct2x3}
     * need one multiply per coefficient and none in their butterflies.
     */
    static int[] weights(int[] quant, int width, int height) {
        double[] across = factors(width);
        double[] down = factors(height);
        int[] w = new int[64];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                w[v * 8 + u] = (int) Math.round(quant[v * 8 + u] * down[v] * across[u] * (1 << FOLD));
            }
        }
        return w;
    }

    /** {@link #weights} for the 5x5 transform ({@link #idct5}), in {@code float} without scaling. */
    static float[] floatWeights(int[] quant) {
        double[] f = factors(5);
        float[] w = new float[64];
        for (int v = 0; v < 5; v++) {
            for (int u = 0; u < 5; u++) {
                w[v * 8 + u] = (float) (quant[v * 8 + u] * f[v] * f[u]);
            }
        }
        return w;
    }

    private static double[] factors(int n) {
        double dc = Math.sqrt(0.5) / 2;
        return switch (n) {
            case 2 -> new double[] {dc, dc};
            case 3 -> new double[] {dc, Math.sqrt(3) / 4, 0.25};
            case 5 -> new double[] {dc, 0.5, 0.5, 0.5, 0.5};
            default -> throw new IllegalArgumentException("no folded " + n + "-point transform");
        };
    }

    /**
     * 3x3 pixels from the 3x3 lowest frequencies, with {@link #weights}. Per axis,
     * pixel 0 is {@code f0 + f1 + f2}, pixel 1 {@code f0 - 2 f2}, pixel 2 {@code f0 - f1 + f2}
     * once each frequency carries its factor, so the butterflies only add.
     */
    static void idct3(int[] c, int off, int[] w, byte[] out, int at, int stride) {
        int f00 = c[off] * w[0];
        int f01 = c[off + 1] * w[1];
        int f02 = c[off + 2] * w[2];
        int f10 = c[off + 8] * w[8];
        int f11 = c[off + 9] * w[9];
        int f12 = c[off + 10] * w[10];
        int f20 = c[off + 16] * w[16];
        int f21 = c[off + 17] * w[17];
        int f22 = c[off + 18] * w[18];
        c[off] = c[off + 1] = c[off + 2] = 0;
        c[off + 8] = c[off + 9] = c[off + 10] = 0;
        c[off + 16] = c[off + 17] = c[off + 18] = 0;
        int e0 = f00 + f20 + FOLD_ROUND;
        int e1 = f01 + f21;
        int e2 = f02 + f22;
        fold3(e0 + f10, e1 + f11, e2 + f12, out, at);
        fold3(f00 - 2 * f20 + FOLD_ROUND, f01 - 2 * f21, f02 - 2 * f22, out, at + stride);
        fold3(e0 - f10, e1 - f11, e2 - f12, out, at + 2 * stride);
    }

    /** One row of {@link #idct3}: {@code g0} already holds the rounding and level shift. */
    private static void fold3(int g0, int g1, int g2, byte[] out, int at) {
        int e = g0 + g2;
        int p0 = (e + g1) >> FOLD;
        int p1 = (g0 - 2 * g2) >> FOLD;
        int p2 = (e - g1) >> FOLD;
        if (((p0 | p1 | p2) & ~255) != 0) {
            p0 = clamp(p0);
            p1 = clamp(p1);
            p2 = clamp(p2);
        }
        out[at] = (byte) p0;
        out[at + 1] = (byte) p1;
        out[at + 2] = (byte) p2;
    }

    /** 3 pixels across, 2 down (4:2:2 chroma, whose rows are twice as dense as needed), with {@link #weights}. */
    static void idct3x2(int[] c, int off, int[] w, byte[] out, int at, int stride) {
        int f00 = c[off] * w[0];
        int f01 = c[off + 1] * w[1];
        int f02 = c[off + 2] * w[2];
        int f10 = c[off + 8] * w[8];
        int f11 = c[off + 9] * w[9];
        int f12 = c[off + 10] * w[10];
        c[off] = c[off + 1] = c[off + 2] = 0;
        c[off + 8] = c[off + 9] = c[off + 10] = 0;
        fold3(f00 + f10 + FOLD_ROUND, f01 + f11, f02 + f12, out, at);
        fold3(f00 - f10 + FOLD_ROUND, f01 - f11, f02 - f12, out, at + stride);
    }

    /** 2 pixels across, 3 down (4:4:0 chroma), with {@link #weights}. */
    static void idct2x3(int[] c, int off, int[] w, byte[] out, int at, int stride) {
        int f00 = c[off] * w[0];
        int f01 = c[off + 1] * w[1];
        int f10 = c[off + 8] * w[8];
        int f11 = c[off + 9] * w[9];
        int f20 = c[off + 16] * w[16];
        int f21 = c[off + 17] * w[17];
        c[off] = c[off + 1] = c[off + 8] = c[off + 9] = c[off + 16] = c[off + 17] = 0;
        int e0 = f00 + f20 + FOLD_ROUND;
        int e1 = f01 + f21;
        fold2(e0 + f10, e1 + f11, out, at);
        fold2(f00 - 2 * f20 + FOLD_ROUND, f01 - 2 * f21, out, at + stride);
        fold2(e0 - f10, e1 - f11, out, at + 2 * stride);
    }

    /** One row of {@link #idct2x3}: {@code g0} already holds the rounding and level shift. */
    private static void fold2(int g0, int g1, byte[] out, int at) {
        out[at] = (byte) clamp((g0 + g1) >> FOLD);
        out[at + 1] = (byte) clamp((g0 - g1) >> FOLD);
    }

    /**
     * 5x5 pixels with {@link #floatWeights}: the 5-point transform down the five columns, then
     * along the rows straight to pixels. Even part: {@code cos(pi/5) - cos(2 pi/5) = 1/2}, so
     * pixels 0 and 1 share {@code f0 + (f2 - f4) / 4} and differ by {@code M (f2 + f4)}; odd part:
     * a rotation by {@code cos(pi/10), cos(3 pi/10)} in three multiplies. In {@code float}, which
     * needs no rescaling between the passes: a CMYK photo at 5/8 decodes 7% faster than with the
     * same transform in 16-bit fixed point. {@code ws} holds at least 40 floats.
     */
    static void idct5(int[] c, int off, float[] w, float[] ws, byte[] out, int at, int stride) {
        for (int u = 0; u < 5; u++) {
            int p = off + u;
            float f0 = c[p] * w[u];
            float f1 = c[p + 8] * w[u + 8];
            float f2 = c[p + 16] * w[u + 16];
            float f3 = c[p + 24] * w[u + 24];
            float f4 = c[p + 32] * w[u + 32];
            c[p] = 0;
            c[p + 8] = 0;
            c[p + 16] = 0;
            c[p + 24] = 0;
            c[p + 32] = 0;
            float d = f2 - f4;
            float t = f0 + d * 0.25f;
            float m = (f2 + f4) * F5_M;
            float z = (f1 + f3) * F5_B;
            float o0 = z + f1 * F5_A_MINUS_B;
            float o1 = z - f3 * F5_A_PLUS_B;
            ws[u] = t + m + o0;
            ws[u + 8] = t - m + o1;
            ws[u + 16] = f0 - d;
            ws[u + 24] = t - m - o1;
            ws[u + 32] = t + m - o0;
        }
        for (int r = 0; r < 40; r += 8, at += stride) {
            // The level shift and the rounding ride on the DC term; the casts then truncate.
            float f0 = ws[r] + 128.5f;
            float f1 = ws[r + 1];
            float f2 = ws[r + 2];
            float f3 = ws[r + 3];
            float f4 = ws[r + 4];
            float d = f2 - f4;
            float t = f0 + d * 0.25f;
            float m = (f2 + f4) * F5_M;
            float z = (f1 + f3) * F5_B;
            float o0 = z + f1 * F5_A_MINUS_B;
            float o1 = z - f3 * F5_A_PLUS_B;
            int p0 = (int) (t + m + o0);
            int p1 = (int) (t - m + o1);
            int p2 = (int) (f0 - d);
            int p3 = (int) (t - m - o1);
            int p4 = (int) (t + m - o0);
            if (((p0 | p1 | p2 | p3 | p4) & ~255) != 0) {
                p0 = clamp(p0);
                p1 = clamp(p1);
                p2 = clamp(p2);
                p3 = clamp(p3);
                p4 = clamp(p4);
            }
            out[at] = (byte) p0;
            out[at + 1] = (byte) p1;
            out[at + 2] = (byte) p2;
            out[at + 3] = (byte) p3;
            out[at + 4] = (byte) p4;
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
