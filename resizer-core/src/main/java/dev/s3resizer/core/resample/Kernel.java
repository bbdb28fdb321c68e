package dev.s3resizer.core.resample;

/**
 * Lanczos3 weights for one axis: for each output position, the first source index and the weights
 * of the taps that follow it, normalised to sum to one.
 */
final class Kernel {

    private static final double LOBES = 3.0;

    final int[] start;
    final int[] count;
    final float[] weights;
    final int taps;

    private Kernel(int[] start, int[] count, float[] weights, int taps) {
        this.start = start;
        this.count = count;
        this.weights = weights;
        this.taps = taps;
    }

    /**
     * Weights mapping the window {@code [from, from + size)} of an axis of {@code inSize} onto
     * {@code outSize}. An output whose filter reaches no source sample (a window past the edge)
     * takes the nearest edge sample.
     */
    static Kernel lanczos3(int inSize, double from, double size, int outSize) {
        double scale = size / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = LOBES * filterScale;
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        float[] weights = new float[outSize * taps];
        double[] w = new double[taps];
        for (int i = 0; i < outSize; i++) {
            double center = from + (i + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(center - support + 0.5));
            int hi = Math.min(inSize, (int) Math.floor(center + support + 0.5));
            int n = Math.min(hi - lo, taps);
            double total = 0;
            for (int j = 0; j < n; j++) {
                w[j] = lanczos((lo + j - center + 0.5) / filterScale);
                total += w[j];
            }
            if (!(total > 0)) {
                lo = Math.clamp((long) Math.floor(center), 0, inSize - 1);
                n = 1;
                w[0] = total = 1;
            }
            for (int j = 0; j < n; j++) {
                weights[i * taps + j] = (float) (w[j] / total);
            }
            start[i] = lo;
            count[i] = n;
        }
        return new Kernel(start, count, weights, taps);
    }

    /**
     * The same weights laid out with exactly {@code width} taps per output (zeros where the filter
     * has none), shifting windows inward at the right edge, so that loops over taps have a constant
     * trip count the JIT unrolls. Returns this kernel when the axis is shorter than {@code width}
     * or some output needs more taps.
     */
    Kernel padded(int width, int inSize) {
        int most = 0;
        for (int n : count) {
            most = Math.max(most, n);
        }
        if (inSize < width || most > width) {
            return this;
        }
        int[] newStart = new int[start.length];
        int[] newCount = new int[start.length];
        float[] newWeights = new float[start.length * width];
        for (int i = 0; i < start.length; i++) {
            int s = Math.min(start[i], inSize - width);
            int shift = start[i] - s;
            System.arraycopy(weights, i * taps, newWeights, i * width + shift, count[i]);
            newStart[i] = s;
            newCount[i] = width;
        }
        return new Kernel(newStart, newCount, newWeights, width);
    }

    /**
     * The mean of each pair of neighbouring outputs as one output, in one filter: the two
     * windows' union, each weight halved. With an odd number of outputs the leftover one stays
     * alone, at the start of the axis ({@code leftoverFirst}) or at its end; with an even number
     * both pair the same way.
     */
    Kernel halved(boolean leftoverFirst) {
        int n = start.length;
        int m = (n + 1) / 2;
        int skew = leftoverFirst && n % 2 == 1 ? 1 : 0;
        int[] newStart = new int[m];
        int[] newCount = new int[m];
        int widest = 0;
        for (int k = 0; k < m; k++) {
            int a = Math.max(0, 2 * k - skew);
            int b = Math.min(n - 1, 2 * k + 1 - skew);
            newStart[k] = Math.min(start[a], start[b]);
            newCount[k] = Math.max(start[a] + count[a], start[b] + count[b]) - newStart[k];
            widest = Math.max(widest, newCount[k]);
        }
        float[] newWeights = new float[m * widest];
        for (int i = 0; i < n; i++) {
            int k = (i + skew) / 2;
            boolean alone = (i == 0 && skew == 1) || (i == n - 1 && n % 2 == 1 && skew == 0);
            float share = alone ? 1f : 0.5f;
            int at = k * widest + start[i] - newStart[k];
            for (int j = 0; j < count[i]; j++) {
                newWeights[at + j] += share * weights[i * taps + j];
            }
        }
        return new Kernel(newStart, newCount, newWeights, widest);
    }

    /** The first source index any output position reads. */
    int firstSource() {
        return start[0];
    }

    /** One past the last source index any output position reads. */
    int endSource() {
        int end = 0;
        for (int i = 0; i < start.length; i++) {
            end = Math.max(end, start[i] + count[i]);
        }
        return end;
    }

    /** Samples of {@link #exact} per unit of x, for {@link #lanczos}'s table. */
    private static final int STEPS = 1024;
    /** {@link #exact} at {@code i / STEPS} for {@code 0 <= i <= 3 * STEPS}, plus one zero past the end. */
    private static final double[] TABLE = new double[(int) LOBES * STEPS + 2];

    static {
        for (int i = 0; i < TABLE.length - 1; i++) {
            TABLE[i] = exact((double) i / STEPS);
        }
    }

    /**
     * Lanczos3 interpolated linearly between {@link #STEPS} samples per unit (within 2e-6 of
     * {@link #exact}, far below what a float weight or an 8-bit sample resolves): two sines per
     * tap made building a kernel cost as much as a third of the vertical pass.
     */
    static double lanczos(double x) {
        double a = Math.abs(x) * STEPS;
        if (!(a < LOBES * STEPS)) {
            return 0;
        }
        int i = (int) a;
        double t = a - i;
        return TABLE[i] + (TABLE[i + 1] - TABLE[i]) * t;
    }

    /** {@code sinc(x) sinc(x / 3)} on {@code |x| < 3}, 0 beyond. */
    static double exact(double x) {
        if (x == 0) {
            return 1;
        }
        if (x <= -LOBES || x >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }
}
