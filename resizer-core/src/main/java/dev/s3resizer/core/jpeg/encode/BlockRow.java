package dev.s3resizer.core.jpeg.encode;

/**
 * The 8x8 blocks of one MCU row, all components side by side, stored coefficient-major:
 * {@code samples[e][b]} is sample (or, after the DCT, coefficient) {@code e} (row-major within
 * the block) of block {@code b}. In this layout the DCT passes and the quantiser are long loops
 * over blocks that the JIT compiles to SIMD instructions; the longer the row, the better.
 * Reused from MCU row to MCU row.
 *
 * <p>{@code row.fit(blocks); ...fill row.samples...; row.transform(); row.quantise(m, 0, blocks);}
 */
final class BlockRow {

    final float[][] samples = new float[64][];
    final int[][] coefficients = new int[64][];
    /** Per block, bit e set when natural coefficient e (e < 32) is not zero. */
    int[] lowMask;
    /** Per block, bit e - 32 set when natural coefficient e (e >= 32) is not zero. */
    int[] highMask;
    int blocks;

    BlockRow() {
        fit(1);
    }

    /** Makes room for {@code n} blocks. */
    void fit(int n) {
        blocks = n;
        if (lowMask != null && lowMask.length >= n) {
            return;
        }
        for (int e = 0; e < 64; e++) {
            samples[e] = new float[n];
            coefficients[e] = new int[n];
        }
        lowMask = new int[n];
        highMask = new int[n];
    }

    /** Forward DCT of every block. */
    void transform() {
        ForwardDct.transform(samples, blocks);
    }

    /** Quantises blocks {@code from} to {@code to} (exclusive) with {@code multipliers} (natural order). */
    void quantise(float[] multipliers, int from, int to) {
        for (int e = 0; e < 64; e++) {
            int[] mask = e < 32 ? lowMask : highMask;
            quantise(samples[e], multipliers[e], coefficients[e], mask, e & 31, from, to);
        }
    }

    /**
     * Turns block {@code b}, which lies wholly past the image's edge, into a flat block with the
     * DC of block {@code from}, as libjpeg does: decoders drop it, so it should cost few bits.
     */
    void dummy(int b, int from) {
        coefficients[0][b] = coefficients[0][from];
        lowMask[b] = 0;
        highMask[b] = 0;
    }

    /** The non-zero mask of block {@code b} in zigzag order: bit k set when zigzag coefficient k is not zero. */
    long zigzagMask(int b) {
        return ForwardDct.zigzagMask(lowMask[b], highMask[b]);
    }

    /** Rounds {@code s[b] * m} to the nearest integer (halves upwards, as libjpeg's float path) and marks non-zeros. */
    private static void quantise(float[] s, float m, int[] q, int[] mask, int bit, int from, int to) {
        if (bit == 0) {
            for (int b = from; b < to; b++) {
                int v = (int) (s[b] * m + 16384.5f) - 16384;
                q[b] = v;
                mask[b] = (v | -v) >>> 31;
            }
        } else {
            for (int b = from; b < to; b++) {
                int v = (int) (s[b] * m + 16384.5f) - 16384;
                q[b] = v;
                mask[b] |= ((v | -v) >>> 31) << bit;
            }
        }
    }
}
