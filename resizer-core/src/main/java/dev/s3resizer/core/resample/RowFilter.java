package dev.s3resizer.core.resample;

/**
 * The horizontal half of a resample for one channel of one row: float samples in (the output of
 * the vertical pass, starting at the kernel's first source), clamped bytes out.
 */
interface RowFilter {

    /** Writes every output of the row to {@code out[o + i * step]}. */
    void filter(float[] samples, byte[] out, int o, int step);

    /** Three channels of a row at once, written interleaved (R, G, B) from {@code out[o]}. */
    default void filterRgb(float[] r, float[] g, float[] b, byte[] out, int o) {
        filter(r, out, o, 3);
        filter(g, out, o + 1, 3);
        filter(b, out, o + 2, 3);
    }
}
