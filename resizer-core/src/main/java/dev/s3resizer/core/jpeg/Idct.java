package dev.s3resizer.core.jpeg;

/**
 * The full-size inverse DCT: dequantises one block and writes 8x8 pixels with the accurate
 * integer Loeffler-Ligtenberg-Moschytz factorisation (13-bit constants, as libjpeg's default), so
 * full-size output matches ImageIO's. Reduced sizes are in {@link ReducedIdct}.
 *
 * <p>Input blocks are 64 coefficients in natural (row-major) order at {@code off}; each call
 * clears them so the buffer is ready for the next MCU. Not thread-safe (it owns a small work
 * array); one instance per decode.
 */
final class Idct {

    static final int CONST_BITS = 13;
    static final int PASS1_BITS = 2;
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
    /** cos(pi/4) = 1/sqrt(2). */
    static final int C4 = 5793;
    private final int[] work = new int[72];

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Fills a w x h block with the DC level; clears the DC coefficient. */
    static void dcOnly(int[] c, int off, int q0, int w, int h, byte[] out, int at, int stride) {
        byte v = (byte) clamp(((c[off] * q0 + 4) >> 3) + 128);
        c[off] = 0;
        for (int y = 0; y < h; y++, at += stride) {
            for (int x = 0; x < w; x++) {
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
        clear(c, off);
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

    static void clear(int[] c, int off) {
        for (int i = off; i < off + 64; i++) {
            c[i] = 0;
        }
    }

    /** Clears the rows that coefficients before zigzag position {@code eob} can occupy. */
    static void clear(int[] c, int off, int eob) {
        int end = off + FrameHeaders.ROWS[eob] * 8;
        for (int i = off; i < end; i++) {
            c[i] = 0;
        }
    }
}
