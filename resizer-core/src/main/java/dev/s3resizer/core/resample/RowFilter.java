package dev.s3resizer.core.resample;

/**
 * The horizontal half of a resample for one channel of one row: float samples in (the output of
 * the vertical pass, starting at the kernel's first source), clamped bytes out.
 */
interface RowFilter {

    /** Writes every output of the row to {@code out[o + i * step]}. */
    void filter(float[] samples, byte[] out, int o, int step);

    /**
     * Three or four channels of a row from interleaved samples ({@code channels} floats per source
     * pixel, the first at the kernel's first source), written interleaved from {@code out[o]}.
     */
    void filterPixels(float[] samples, int channels, byte[] out, int o);
}
