package dev.s3resizer.core.resample;

/**
 * Fixed-point Lanczos3 weights for one axis: for each output position, the first source index and
 * the weights of the taps that follow it, summing to {@code 1 << PRECISION}.
 */
final class Kernel {

    static final int PRECISION = 14;
    private static final double LOBES = 3.0;

    final int[] start;
    final int[] count;
    final int[] weights;
    final int taps;

    private Kernel(int[] start, int[] count, int[] weights, int taps) {
        this.start = start;
        this.count = count;
        this.weights = weights;
        this.taps = taps;
    }

    /** Weights mapping the window {@code [from, from + size)} of an axis of {@code inSize} onto {@code outSize}. */
    static Kernel lanczos3(int inSize, double from, double size, int outSize) {
        double scale = size / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = LOBES * filterScale;
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[] weights = new int[outSize * taps];
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
            int fixedTotal = 0;
            int largest = 0;
            for (int j = 0; j < n; j++) {
                int f = (int) Math.round(w[j] / total * (1 << PRECISION));
                weights[i * taps + j] = f;
                fixedTotal += f;
                if (Math.abs(f) > Math.abs(weights[i * taps + largest])) {
                    largest = j;
                }
            }
            weights[i * taps + largest] += (1 << PRECISION) - fixedTotal;
            start[i] = lo;
            count[i] = n;
        }
        return new Kernel(start, count, weights, taps);
    }

    /** The first and one past the last source index any output position reads. */
    int firstSource() {
        return start[0];
    }

    int endSource() {
        int end = 0;
        for (int i = 0; i < start.length; i++) {
            end = Math.max(end, start[i] + count[i]);
        }
        return end;
    }

    private static double lanczos(double x) {
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
