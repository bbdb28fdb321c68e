package dev.s3resizer.core.jpeg;

/**
 * Inverse DCTs that dequantise one block and write {@code n x n} pixels, n = 8, 4, 2 or 1. The
 * 8x8 transform is the accurate integer Loeffler-Ligtenberg-Moschytz factorisation (13-bit
 * constants, as libjpeg's default), so full-size output matches ImageIO's closely. The reduced
 * ones evaluate the block's continuous cosine series at the centres of the n x n output pixels
 * from its n x n lowest frequencies only, which is a proper low-pass downscale, not decimation.
 *
 * <p>Input blocks are compact: {@code n*n} coefficients in row-major order at {@code off}; each
 * call clears the coefficients it read so the buffer is ready for the next MCU row. Not
 * thread-safe (it owns a small work array); one instance per decode.
 */
final class Idct {

    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int F0_298 = 2446;
    private static final int F0_390 = 3196;
    private static final int F0_541 = 4433;
    private static final int F0_765 = 6270;
    private static final int F0_899 = 7373;
    private static final int F1_175 = 9633;
    private static final int F1_501 = 12299;
    private static final int F1_847 = 15137;
    private static final int F1_961 = 16069;
    private static final int F2_053 = 16819;
    private static final int F2_562 = 20995;
    private static final int F3_072 = 25172;
    private static final int C4 = 5793;
    private static final int C8_1 = 7568;
    private static final int C8_3 = 3135;

    private final int[] work = new int[72];

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Fills an n x n block with the DC level; clears the DC coefficient. */
    static void dcOnly(int[] c, int off, int q0, int n, byte[] out, int at, int stride) {
        byte v = (byte) clamp(((c[off] * q0 + 4) >> 3) + 128);
        c[off] = 0;
        for (int y = 0; y < n; y++, at += stride) {
            for (int x = 0; x < n; x++) {
                out[at + x] = v;
            }
        }
    }

    void idct8(int[] c, int off, int[] q, byte[] out, int at, int stride) {
        int[] ws = work;
        for (int col = 0; col < 8; col++) {
            columnPass8(c, off + col, q, col, ws);
        }
        for (int row = 0; row < 8; row++, at += stride) {
            rowPass8(ws, row * 8, out, at);
        }
        for (int i = off; i < off + 64; i++) {
            c[i] = 0;
        }
    }

    private static void columnPass8(int[] c, int p, int[] q, int col, int[] ws) {
        int d1 = c[p + 8];
        int d2 = c[p + 16];
        int d3 = c[p + 24];
        int d4 = c[p + 32];
        int d5 = c[p + 40];
        int d6 = c[p + 48];
        int d7 = c[p + 56];
        if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
            int dc = (c[p] * q[col]) << PASS1_BITS;
            for (int r = 0; r < 64; r += 8) {
                ws[col + r] = dc;
            }
            return;
        }
        int z2 = d2 * q[col + 16];
        int z3 = d6 * q[col + 48];
        int z1 = (z2 + z3) * F0_541;
        int even2 = z1 - z3 * F1_847;
        int even3 = z1 + z2 * F0_765;
        int in0 = c[p] * q[col];
        int in4 = d4 * q[col + 32];
        int even0 = (in0 + in4) << CONST_BITS;
        int even1 = (in0 - in4) << CONST_BITS;
        int t10 = even0 + even3;
        int t13 = even0 - even3;
        int t11 = even1 + even2;
        int t12 = even1 - even2;
        int o0 = d7 * q[col + 56];
        int o1 = d5 * q[col + 40];
        int o2 = d3 * q[col + 24];
        int o3 = d1 * q[col + 8];
        int shift = CONST_BITS - PASS1_BITS;
        int round = 1 << (shift - 1);
        oddAndStore(t10, t11, t12, t13, o0, o1, o2, o3, ws, col, 8, shift, round);
    }

    private static void rowPass8(int[] ws, int p, byte[] out, int at) {
        int w1 = ws[p + 1];
        int w2 = ws[p + 2];
        int w3 = ws[p + 3];
        int w4 = ws[p + 4];
        int w5 = ws[p + 5];
        int w6 = ws[p + 6];
        int w7 = ws[p + 7];
        if ((w1 | w2 | w3 | w4 | w5 | w6 | w7) == 0) {
            byte v = (byte) clamp(((ws[p] + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3)) + 128);
            for (int x = 0; x < 8; x++) {
                out[at + x] = v;
            }
            return;
        }
        int z1 = (w2 + w6) * F0_541;
        int even2 = z1 - w6 * F1_847;
        int even3 = z1 + w2 * F0_765;
        int even0 = (ws[p] + w4) << CONST_BITS;
        int even1 = (ws[p] - w4) << CONST_BITS;
        int t10 = even0 + even3;
        int t13 = even0 - even3;
        int t11 = even1 + even2;
        int t12 = even1 - even2;
        int shift = CONST_BITS + PASS1_BITS + 3;
        int round = (1 << (shift - 1)) + (128 << shift);
        oddAndStore(t10, t11, t12, t13, w7, w5, w3, w1, ws, 64, 1, shift, round);
        for (int x = 0; x < 8; x++) {
            out[at + x] = (byte) clamp(ws[64 + x]);
        }
    }

    /** The odd half of the 8-point transform, combined with the even half, descaled and stored. */
    private static void oddAndStore(int t10, int t11, int t12, int t13, int o0, int o1, int o2, int o3,
                                    int[] dst, int at, int step, int shift, int round) {
        int z1 = o0 + o3;
        int z2 = o1 + o2;
        int z3 = o0 + o2;
        int z4 = o1 + o3;
        int z5 = (z3 + z4) * F1_175;
        o0 *= F0_298;
        o1 *= F2_053;
        o2 *= F3_072;
        o3 *= F1_501;
        z1 *= -F0_899;
        z2 *= -F2_562;
        z3 = z3 * -F1_961 + z5;
        z4 = z4 * -F0_390 + z5;
        o0 += z1 + z3;
        o1 += z2 + z4;
        o2 += z2 + z3;
        o3 += z1 + z4;
        dst[at] = (t10 + o3 + round) >> shift;
        dst[at + 7 * step] = (t10 - o3 + round) >> shift;
        dst[at + step] = (t11 + o2 + round) >> shift;
        dst[at + 6 * step] = (t11 - o2 + round) >> shift;
        dst[at + 2 * step] = (t12 + o1 + round) >> shift;
        dst[at + 5 * step] = (t12 - o1 + round) >> shift;
        dst[at + 3 * step] = (t13 + o0 + round) >> shift;
        dst[at + 4 * step] = (t13 - o0 + round) >> shift;
    }

    void idct4(int[] c, int off, int[] q, byte[] out, int at, int stride) {
        int[] ws = work;
        for (int col = 0; col < 4; col++) {
            int f0 = c[off + col] * q[col];
            int f1 = c[off + col + 4] * q[col + 4];
            int f2 = c[off + col + 8] * q[col + 8];
            int f3 = c[off + col + 12] * q[col + 12];
            fourPoint(f0, f1, f2, f3, ws, col, 4, CONST_BITS - PASS1_BITS);
        }
        int shift = CONST_BITS + PASS1_BITS + 2;
        for (int row = 0; row < 16; row += 4, at += stride) {
            fourPoint(ws[row], ws[row + 1], ws[row + 2], ws[row + 3], ws, 16 + row, 1, shift);
            for (int x = 0; x < 4; x++) {
                out[at + x] = (byte) clamp(ws[16 + row + x] + 128);
            }
        }
        for (int i = off; i < off + 16; i++) {
            c[i] = 0;
        }
    }

    private static void fourPoint(int f0, int f1, int f2, int f3, int[] dst, int at, int step, int shift) {
        int e0 = (f0 + f2) * C4;
        int e1 = (f0 - f2) * C4;
        int o0 = f1 * C8_1 + f3 * C8_3;
        int o1 = f1 * C8_3 - f3 * C8_1;
        int round = 1 << (shift - 1);
        dst[at] = (e0 + o0 + round) >> shift;
        dst[at + step] = (e1 + o1 + round) >> shift;
        dst[at + 2 * step] = (e1 - o1 + round) >> shift;
        dst[at + 3 * step] = (e0 - o0 + round) >> shift;
    }

    static void idct2(int[] c, int off, int[] q, byte[] out, int at, int stride) {
        int f00 = c[off] * q[0];
        int f01 = c[off + 1] * q[1];
        int f10 = c[off + 2] * q[2];
        int f11 = c[off + 3] * q[3];
        c[off] = 0;
        c[off + 1] = 0;
        c[off + 2] = 0;
        c[off + 3] = 0;
        int t0 = f00 + f10 + 4 + (128 << 3);
        int t1 = f00 - f10 + 4 + (128 << 3);
        int t2 = f01 + f11;
        int t3 = f01 - f11;
        out[at] = (byte) clamp((t0 + t2) >> 3);
        out[at + 1] = (byte) clamp((t0 - t2) >> 3);
        out[at + stride] = (byte) clamp((t1 + t3) >> 3);
        out[at + stride + 1] = (byte) clamp((t1 - t3) >> 3);
    }
}
