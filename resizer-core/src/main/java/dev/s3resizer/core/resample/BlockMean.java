package dev.s3resizer.core.resample;

/**
 * The rounded mean of a block of {@code n} 8-bit samples from their sum, {@code (sum + n / 2) / n},
 * as a multiplication by a fixed-point reciprocal and a shift instead of an integer division per
 * sample (Granlund and Montgomery, "Division by invariant integers using multiplication", 1994):
 * with {@code m = floor(2^40 / n) + 1} the quotient is exact while {@code x * n < 2^40}, which holds
 * for every {@code x < 256 n} when {@code n <= 2^15}. Larger blocks divide.
 *
 * <p>{@code BlockMean mean = new BlockMean(4); byte b = (byte) mean.of(sum);}
 */
final class BlockMean {

    private static final int SHIFT = 40;
    private static final int MOST = 1 << 15;

    private final int n;
    private final int half;
    private final long reciprocal;

    BlockMean(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected 1 or more but got " + n);
        }
        this.n = n;
        this.half = n >> 1;
        this.reciprocal = n <= MOST ? (1L << SHIFT) / n + 1 : 0;
    }

    /** The rounded mean of samples summing to {@code sum} (at most {@code 255 n}). */
    int of(int sum) {
        return reciprocal != 0 ? (int) ((sum + half) * reciprocal >>> SHIFT) : (sum + half) / n;
    }
}
