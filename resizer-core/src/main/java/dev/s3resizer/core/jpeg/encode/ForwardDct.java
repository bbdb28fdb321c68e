package dev.s3resizer.core.jpeg.encode;

/**
 * The 8x8 forward DCT of Arai, Agui and Nakajima in single-precision floating point (as in
 * libjpeg's {@code jfdctflt.c}): 5 multiplications per 8-point pass, its output scaling folded
 * into the quantiser ({@link QuantTables#aanMultipliers}). It runs on a whole {@link BlockRow} at
 * once: each 8-point pass works on eight arrays at the same index, split into three loops small
 * enough for the JIT to unroll and vectorise, and leaves its outputs in a permutation of the
 * eight arrays, which is undone by swapping array references, not values.
 *
 * <p>{@code ForwardDct.transform(row.samples, row.blocks);}
 */
final class ForwardDct {

    /** For each position in zigzag order, the natural (row-major) index of the coefficient. */
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10,
        17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34,
        27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36,
        29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46,
        53, 60, 61, 54, 47, 55, 62, 63,
    };

    /** At {@code 256 * i + v}: the bits of value v of byte i of a natural-order mask, moved to zigzag positions. */
    private static final long[] MASK_TO_ZIGZAG = new long[8 * 256];

    static {
        int[] position = new int[64];
        for (int k = 0; k < 64; k++) {
            position[ZIGZAG[k]] = k;
        }
        for (int i = 0; i < 8; i++) {
            for (int v = 0; v < 256; v++) {
                long m = 0;
                for (int t = 0; t < 8; t++) {
                    if ((v >> t & 1) != 0) {
                        m |= 1L << position[i * 8 + t];
                    }
                }
                MASK_TO_ZIGZAG[i * 256 + v] = m;
            }
        }
    }

    private static final float R2 = 0.707106781f;
    private static final float C6 = 0.382683433f;
    private static final float C2_MINUS_C6 = 0.541196100f;
    private static final float C2_PLUS_C6 = 1.306562965f;

    private ForwardDct() {
    }

    /**
     * Transforms {@code n} blocks: {@code c[e][b]} holds level-shifted sample e (row-major) of
     * block b before, and the AAN-scaled coefficient e after. The arrays of {@code c} may be
     * reordered.
     */
    static void transform(float[][] c, int n) {
        for (int col = 0; col < 8; col++) {
            pass(c, col, 8, n);
        }
        for (int row = 0; row < 64; row += 8) {
            pass(c, row, 1, n);
        }
    }

    /** The 8-point DCT over arrays {@code c[first + i * step]}, i = 0-7. */
    private static void pass(float[][] c, int first, int step, int n) {
        float[] d0 = c[first];
        float[] d1 = c[first + step];
        float[] d2 = c[first + 2 * step];
        float[] d3 = c[first + 3 * step];
        float[] d4 = c[first + 4 * step];
        float[] d5 = c[first + 5 * step];
        float[] d6 = c[first + 6 * step];
        float[] d7 = c[first + 7 * step];
        butterfly(d0, d1, d2, d3, d4, d5, d6, d7, n);
        even(d0, d1, d2, d3, n);
        odd(d4, d5, d6, d7, n);
        c[first + step] = d4;
        c[first + 2 * step] = d1;
        c[first + 3 * step] = d5;
        c[first + 4 * step] = d2;
        c[first + 5 * step] = d6;
        c[first + 6 * step] = d3;
    }

    /** A natural-order non-zero mask (low and high 32 bits) reordered to zigzag order. */
    static long zigzagMask(int low, int high) {
        long[] t = MASK_TO_ZIGZAG;
        return t[low & 0xFF] | t[256 + (low >>> 8 & 0xFF)] | t[512 + (low >>> 16 & 0xFF)] | t[768 + (low >>> 24)]
                | t[1024 + (high & 0xFF)] | t[1280 + (high >>> 8 & 0xFF)] | t[1536 + (high >>> 16 & 0xFF)]
                | t[1792 + (high >>> 24)];
    }

    /** Sums and differences of mirrored inputs: d0-d3 become t0-t3, d4-d7 become t4-t7. */
    private static void butterfly(float[] d0, float[] d1, float[] d2, float[] d3,
                                  float[] d4, float[] d5, float[] d6, float[] d7, int n) {
        for (int b = 0; b < n; b++) {
            float x0 = d0[b];
            float x1 = d1[b];
            float x2 = d2[b];
            float x3 = d3[b];
            float x4 = d4[b];
            float x5 = d5[b];
            float x6 = d6[b];
            float x7 = d7[b];
            d0[b] = x0 + x7;
            d7[b] = x0 - x7;
            d1[b] = x1 + x6;
            d6[b] = x1 - x6;
            d2[b] = x2 + x5;
            d5[b] = x2 - x5;
            d3[b] = x3 + x4;
            d4[b] = x3 - x4;
        }
    }

    /** Even part: t0-t3 in, outputs 0, 2, 4, 6 out, in that order. */
    private static void even(float[] d0, float[] d1, float[] d2, float[] d3, int n) {
        for (int b = 0; b < n; b++) {
            float t0 = d0[b];
            float t1 = d1[b];
            float t2 = d2[b];
            float t3 = d3[b];
            float t10 = t0 + t3;
            float t13 = t0 - t3;
            float t11 = t1 + t2;
            float z1 = (t1 - t2 + t13) * R2;
            d0[b] = t10 + t11;
            d1[b] = t13 + z1;
            d2[b] = t10 - t11;
            d3[b] = t13 - z1;
        }
    }

    /** Odd part: t4-t7 in, outputs 1, 3, 5, 7 out, in that order. */
    private static void odd(float[] d4, float[] d5, float[] d6, float[] d7, int n) {
        for (int b = 0; b < n; b++) {
            float t4 = d4[b];
            float t5 = d5[b];
            float t6 = d6[b];
            float t7 = d7[b];
            float o10 = t4 + t5;
            float o12 = t6 + t7;
            float z5 = (o10 - o12) * C6;
            float z2 = C2_MINUS_C6 * o10 + z5;
            float z4 = C2_PLUS_C6 * o12 + z5;
            float z3 = (t5 + t6) * R2;
            float z11 = t7 + z3;
            float z13 = t7 - z3;
            d4[b] = z11 + z4;
            d5[b] = z13 - z2;
            d6[b] = z13 + z2;
            d7[b] = z11 - z4;
        }
    }
}
