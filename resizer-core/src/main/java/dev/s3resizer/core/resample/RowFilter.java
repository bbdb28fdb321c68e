package dev.s3resizer.core.resample;

/**
 * The horizontal half of a resample for one channel of one row: float samples in (the output of
 * the vertical pass, starting at the kernel's first source), clamped bytes out.
 */
interface RowFilter {

    /** Writes every output of the row to {@code out[o + i * step]}. */
    void filter(float[] samples, byte[] out, int o, int step);
}
