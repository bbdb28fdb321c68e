package dev.s3resizer.core.jpeg.encode;

import java.util.Arrays;

/**
 * RGB pixel rows as contiguous lines, for {@link YCbCrRows#colour} on SIMD lanes: per pixel of
 * the latest row its luma, level-shifted, and per pixel of a pair of rows B and R in 16-bit fixed
 * point minus the luma, summed over both rows, and from those sums the Cb and Cr of each pixel
 * pair. Whole rows in lines are what {@link RgbLanes} converts; the block layout is then filled
 * by plain copies. Lines run to whole MCU columns, past the right edge repeating the last column.
 * Kept per thread in {@link Workspace}.
 *
 * <p>{@code lines.fit(16 * columns); lines.convert(rgb, at, width, 16 * columns, false);
 * ...; lines.convert(rgb, next, width, 16 * columns, true);}
 */
final class ColourLines {

    /** Per pixel of the latest row, its luma minus 128. */
    float[] luma = new float[0];
    /** Per pixel, {@code (B << 16) - Y} and {@code (R << 16) - Y}, summed over the rows of a pair. */
    int[] blue = new int[0];
    int[] red = new int[0];
    /** After a pair's second row, per pixel the Cb and Cr of its pixel pair (each pair's twice). */
    float[] cb = new float[0];
    float[] cr = new float[0];

    /** Makes room for rows of {@code length} pixels. */
    void fit(int length) {
        if (luma.length < length) {
            luma = new float[length];
            blue = new int[length];
            red = new int[length];
            cb = new float[length];
            cr = new float[length];
        }
    }

    /**
     * The row of {@code width} pixels at {@code rgb[at]}: its luma, and its chroma terms in place
     * of the last ones or, when {@code add} (a pair's second row), added to them and then made
     * into Cb and Cr; from {@code width} to {@code length} the last column repeats. On lanes but
     * for the last few pixels.
     */
    void convert(byte[] rgb, int at, int width, int length, boolean add) {
        int lanes = RgbLanes.convert(rgb, at, width, this, add);
        int x = lanes;
        for (int p = at + 3 * x; x < width; x++, p += 3) {
            int r = rgb[p] & 0xFF;
            int g = rgb[p + 1] & 0xFF;
            int b = rgb[p + 2] & 0xFF;
            int y = YCbCrRows.luma(r, g, b);
            luma[x] = y * YCbCrRows.Y_SCALE - 128f;
            blue[x] = (add ? blue[x] : 0) + (b << 16) - y;
            red[x] = (add ? red[x] : 0) + (r << 16) - y;
        }
        Arrays.fill(luma, width, length, luma[width - 1]);
        Arrays.fill(blue, width, length, blue[width - 1]);
        Arrays.fill(red, width, length, red[width - 1]);
        for (int k = lanes; add && k < length; k++) {
            cb[k] = (blue[k & ~1] + blue[k | 1]) * YCbCrRows.CB_SCALE;
            cr[k] = (red[k & ~1] + red[k | 1]) * YCbCrRows.CR_SCALE;
        }
    }
}
