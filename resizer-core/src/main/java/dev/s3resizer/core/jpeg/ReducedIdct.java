package dev.s3resizer.core.jpeg;

import static dev.s3resizer.core.jpeg.Idct.C4;
import static dev.s3resizer.core.jpeg.Idct.CONST_BITS;
import static dev.s3resizer.core.jpeg.Idct.PASS1_BITS;
import static dev.s3resizer.core.jpeg.Idct.clamp;
import static dev.s3resizer.core.jpeg.Idct.clear;

/**
 * Inverse DCTs to fewer pixels than the block has: w x h with w and h each 8, 4, 2 or 1. Each
 * pixel is exactly the mean of the full transform's output over its (8/w) x (8/h) area, as with
 * libjpeg's reduced IDCTs: the 8-point series folded onto 4, 2 or 1 points per axis. Scaled
 * decoding so equals a box filter over a full decode without its cost, and a 4:2:2 chroma block
 * can become 2x1 pixels at 1/8 directly instead of 1x1 upsampled.
 *
 * <p>Input blocks are 64 coefficients in natural order; each call clears what it read. Not
 * thread-safe (it owns a small work array); one instance per decode.
 */
final class ReducedIdct {

    /** Products of cos(u*pi/16) and cos(pi/8) or cos(3*pi/8), for the 8-to-4 fold. */
    private static final int C2K4 = 5352;
    private static final int C6K4 = 2217;
    private static final int C1K1 = 7423;
    private static final int C3K3 = 2607;
    private static final int C5K3 = 1742;
    private static final int C7K1 = 1477;
    private static final int C1K3 = 3075;
    private static final int C3K1 = 6293;
    private static final int C5K1 = 4205;
    private static final int C7K3 = 612;
    /** The LLM constants times 1/sqrt(2), for {@link #eight}. */
    private static final int B0_298 = 1730;
    private static final int B0_390 = 2260;
    private static final int B0_541 = 3135;
    private static final int B0_765 = 4433;
    private static final int B0_899 = 5213;
    private static final int B1_175 = 6811;
    private static final int B1_501 = 8697;
    private static final int B1_847 = 10703;
    private static final int B1_961 = 11363;
    private static final int B2_053 = 11893;
    private static final int B2_562 = 14846;
    private static final int B3_072 = 17799;
    /** Means of cos((2x+1)*u*pi/16) over x = 0..3, for the 8-to-2 fold (odd u). */
    private static final int D1 = 5249;
    private static final int D3 = -1843;
    private static final int D5 = 1232;
    private static final int D7 = -1044;

    private final int[] work = new int[72];

    /**
     * 4x4 output: the folded 4-point series down the seven columns the rows need (column 4
     * averages out), then along the four rows. Most chroma blocks hold only a few low
     * frequencies, so columns and rows past the end of block's reach skip their zero terms.
     */
    void idct4(int[] c, int off, int eob, int[] q, byte[] out, int at, int stride) {
        int[] ws = work;
        int rows = FrameHeaders.ROWS[eob];
        int columns = FrameHeaders.COLUMNS[eob];
        int shift = CONST_BITS - PASS1_BITS;
        int round = 1 << (shift - 1);
        for (int col = 0; col < columns; col++) {
            if (col == 4) {
                continue;
            }
            int p = off + col;
            if (rows <= 4) {
                lowColumn(c[p] * q[col], c[p + 8] * q[col + 8], c[p + 16] * q[col + 16], c[p + 24] * q[col + 24],
                        ws, col, shift, round);
            } else {
                four(c[p] * q[col], c[p + 8] * q[col + 8], c[p + 16] * q[col + 16], c[p + 24] * q[col + 24],
                        c[p + 40] * q[col + 40], c[p + 48] * q[col + 48], c[p + 56] * q[col + 56],
                        ws, col, 8, shift, round);
            }
        }
        shift = CONST_BITS + PASS1_BITS + 2;
        round = (1 << (shift - 1)) + (128 << shift);
        if (columns <= 4) {
            for (int col = columns; col < 4; col++) {
                ws[col] = ws[col + 8] = ws[col + 16] = ws[col + 24] = 0;
            }
            for (int row = 0; row < 32; row += 8, at += stride) {
                lowRow(ws[row], ws[row + 1], ws[row + 2], ws[row + 3], shift, round, out, at);
            }
        } else {
            for (int col = columns; col < 8; col++) {
                ws[col] = ws[col + 8] = ws[col + 16] = ws[col + 24] = 0;
            }
            for (int row = 0; row < 32; row += 8, at += stride) {
                four(ws[row], ws[row + 1], ws[row + 2], ws[row + 3], ws[row + 5], ws[row + 6], ws[row + 7],
                        ws, 64, 1, shift, round);
                out[at] = (byte) clamp(ws[64]);
                out[at + 1] = (byte) clamp(ws[65]);
                out[at + 2] = (byte) clamp(ws[66]);
                out[at + 3] = (byte) clamp(ws[67]);
            }
        }
        clear(c, off, eob);
    }

    /** {@link #four} down a column whose rows 4..7 are zero. */
    private static void lowColumn(int f0, int f1, int f2, int f3, int[] ws, int col, int shift, int round) {
        if ((f1 | f2 | f3) == 0) {
            int dc = (f0 * C4 + round) >> shift;
            ws[col] = ws[col + 8] = ws[col + 16] = ws[col + 24] = dc;
            return;
        }
        int ea = f0 * C4;
        int eb = f2 * C2K4;
        int o0 = f1 * C1K1 + f3 * C3K3;
        int o1 = f1 * C1K3 - f3 * C3K1;
        ws[col] = (ea + eb + o0 + round) >> shift;
        ws[col + 8] = (ea - eb + o1 + round) >> shift;
        ws[col + 16] = (ea - eb - o1 + round) >> shift;
        ws[col + 24] = (ea + eb - o0 + round) >> shift;
    }

    /** {@link #four} along a row whose columns 4..7 are zero, straight to pixels. */
    private static void lowRow(int f0, int f1, int f2, int f3, int shift, int round, byte[] out, int at) {
        int ea = f0 * C4 + round;
        int eb = f2 * C2K4;
        int o0 = f1 * C1K1 + f3 * C3K3;
        int o1 = f1 * C1K3 - f3 * C3K1;
        out[at] = (byte) clamp((ea + eb + o0) >> shift);
        out[at + 1] = (byte) clamp((ea - eb + o1) >> shift);
        out[at + 2] = (byte) clamp((ea - eb - o1) >> shift);
        out[at + 3] = (byte) clamp((ea + eb - o0) >> shift);
    }

    /** Eight coefficients (the 4th averages out) to four means of adjacent output pairs, times two. */
    private static void four(int f0, int f1, int f2, int f3, int f5, int f6, int f7,
                             int[] dst, int at, int step, int shift, int round) {
        int ea = f0 * C4;
        int eb = f2 * C2K4 - f6 * C6K4;
        int o0 = f1 * C1K1 + f3 * C3K3 - f5 * C5K3 - f7 * C7K1;
        int o1 = f1 * C1K3 - f3 * C3K1 + f5 * C5K1 - f7 * C7K3;
        dst[at] = (ea + eb + o0 + round) >> shift;
        dst[at + step] = (ea - eb + o1 + round) >> shift;
        dst[at + 2 * step] = (ea - eb - o1 + round) >> shift;
        dst[at + 3 * step] = (ea + eb - o0 + round) >> shift;
    }

    /**
     * Weights for {@link #idct2}: each quantisation step times the two 1-D averaging weights of
     * its row and column, in 13-bit fixed point, natural order. Even rows and columns other than
     * 0 average out over four pixels and get weight 0.
     */
    static int[] weights2(int[] quant) {
        double[] a = new double[8];
        a[0] = Math.sqrt(0.5) / 2;
        for (int u = 1; u < 8; u += 2) {
            double sum = 0;
            for (int x = 0; x < 4; x++) {
                sum += Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
            a[u] = sum / 8;
        }
        int[] w = new int[64];
        for (int i = 0; i < 64; i++) {
            w[i] = (int) Math.round(quant[i] * a[i >> 3] * a[i & 7] * (1 << CONST_BITS));
        }
        return w;
    }

    /**
     * 2x2 output, each pixel the mean of a 4x4 quarter of the full transform: only rows and
     * columns 0, 1, 3, 5, 7 contribute, and the four outputs differ only in the signs of the odd
     * parts, so one pass over 25 coefficients with folded weights ({@link #weights2}) suffices.
     */
    static void idct2(int[] c, int off, int eob, int[] w, byte[] out, int at, int stride) {
        int ee = c[off] * w[0];
        int eo = c[off + 1] * w[1] + c[off + 3] * w[3] + c[off + 5] * w[5] + c[off + 7] * w[7];
        int oe = c[off + 8] * w[8] + c[off + 24] * w[24] + c[off + 40] * w[40] + c[off + 56] * w[56];
        int oo = 0;
        for (int v = 8; v < 64; v += 16) {
            int p = off + v;
            oo += c[p + 1] * w[v + 1] + c[p + 3] * w[v + 3] + c[p + 5] * w[v + 5] + c[p + 7] * w[v + 7];
        }
        int base = (1 << (CONST_BITS - 1)) + (128 << CONST_BITS);
        int top = ee + oe + base;
        int bottom = ee - oe + base;
        out[at] = (byte) clamp((top + eo + oo) >> CONST_BITS);
        out[at + 1] = (byte) clamp((top - eo - oo) >> CONST_BITS);
        out[at + stride] = (byte) clamp((bottom + eo - oo) >> CONST_BITS);
        out[at + stride + 1] = (byte) clamp((bottom - eo + oo) >> CONST_BITS);
        clear(c, off, eob);
    }

    /**
     * Any other output size: {@code w x h} pixels (each 1, 2, 4 or 8), every pixel the exact mean
     * of the full transform's output over its (8/w) x (8/h) area. Separable: columns first, reading
     * only the rows the vertical fold uses, for the columns the horizontal fold uses and the end of
     * block {@code eob} can reach; then rows.
     */
    void scaled(int[] c, int off, int eob, int[] q, int w, int h, byte[] out, int at, int stride) {
        int[] ws = work;
        int used = w == 8 ? 0xFF : w == 4 ? 0xEF : w == 2 ? 0xAB : 0x01;
        int columns = FrameHeaders.COLUMNS[eob];
        int shift = CONST_BITS - PASS1_BITS;
        int round = 1 << (shift - 1);
        for (int col = 0; col < 8; col++) {
            if ((used >> col & 1) == 0) {
                continue;
            }
            if (col >= columns) {
                for (int row = 0; row < h * 8; row += 8) {
                    ws[row + col] = 0;
                }
                continue;
            }
            int p = off + col;
            int f0 = c[p] * q[col];
            if (h == 1) {
                ws[col] = (f0 * C4 + round) >> shift;
                continue;
            }
            int f1 = c[p + 8] * q[col + 8];
            int f3 = c[p + 24] * q[col + 24];
            int f5 = c[p + 40] * q[col + 40];
            int f7 = c[p + 56] * q[col + 56];
            if (h == 2) {
                int e = f0 * C4;
                int o = f1 * D1 + f3 * D3 + f5 * D5 + f7 * D7;
                ws[col] = (e + o + round) >> shift;
                ws[col + 8] = (e - o + round) >> shift;
                continue;
            }
            int f2 = c[p + 16] * q[col + 16];
            int f6 = c[p + 48] * q[col + 48];
            if (h == 4) {
                four(f0, f1, f2, f3, f5, f6, f7, ws, col, 8, shift, round);
            } else {
                eight(f0, f1, f2, f3, c[p + 32] * q[col + 32], f5, f6, f7, ws, col, 8, shift, round);
            }
        }
        shift = CONST_BITS + PASS1_BITS + 2;
        round = (1 << (shift - 1)) + (128 << shift);
        for (int row = 0; row < h * 8; row += 8, at += stride) {
            rowOut(ws, row, w, shift, round, out, at);
        }
        clear(c, off, eob);
    }

    private static void rowOut(int[] ws, int r, int w, int shift, int round, byte[] out, int at) {
        switch (w) {
            case 1 -> out[at] = (byte) clamp((ws[r] * C4 + round) >> shift);
            case 2 -> {
                int e = ws[r] * C4 + round;
                int o = ws[r + 1] * D1 + ws[r + 3] * D3 + ws[r + 5] * D5 + ws[r + 7] * D7;
                out[at] = (byte) clamp((e + o) >> shift);
                out[at + 1] = (byte) clamp((e - o) >> shift);
            }
            default -> {
                if (w == 4) {
                    four(ws[r], ws[r + 1], ws[r + 2], ws[r + 3], ws[r + 5], ws[r + 6], ws[r + 7],
                            ws, 64, 1, shift, round);
                } else {
                    eight(ws[r], ws[r + 1], ws[r + 2], ws[r + 3], ws[r + 4], ws[r + 5], ws[r + 6], ws[r + 7],
                            ws, 64, 1, shift, round);
                }
                for (int x = 0; x < w; x++) {
                    out[at + x] = (byte) clamp(ws[64 + x]);
                }
            }
        }
    }

    /** The 8-point LLM transform with every constant scaled by 1/sqrt(2), to match the folds' scale. */
    private static void eight(int f0, int f1, int f2, int f3, int f4, int f5, int f6, int f7,
                              int[] dst, int at, int step, int shift, int round) {
        int z1 = (f2 + f6) * B0_541;
        int even2 = z1 - f6 * B1_847;
        int even3 = z1 + f2 * B0_765;
        int even0 = (f0 + f4) * C4;
        int even1 = (f0 - f4) * C4;
        int t10 = even0 + even3;
        int t13 = even0 - even3;
        int t11 = even1 + even2;
        int t12 = even1 - even2;
        int a = f7 + f1;
        int b = f5 + f3;
        int c = f7 + f3;
        int d = f5 + f1;
        int e = (c + d) * B1_175;
        int o0 = f7 * B0_298 - a * B0_899 + e - c * B1_961;
        int o1 = f5 * B2_053 - b * B2_562 + e - d * B0_390;
        int o2 = f3 * B3_072 - b * B2_562 + e - c * B1_961;
        int o3 = f1 * B1_501 - a * B0_899 + e - d * B0_390;
        dst[at] = (t10 + o3 + round) >> shift;
        dst[at + 7 * step] = (t10 - o3 + round) >> shift;
        dst[at + step] = (t11 + o2 + round) >> shift;
        dst[at + 6 * step] = (t11 - o2 + round) >> shift;
        dst[at + 2 * step] = (t12 + o1 + round) >> shift;
        dst[at + 5 * step] = (t12 - o1 + round) >> shift;
        dst[at + 3 * step] = (t13 + o0 + round) >> shift;
        dst[at + 4 * step] = (t13 - o0 + round) >> shift;
    }
}
