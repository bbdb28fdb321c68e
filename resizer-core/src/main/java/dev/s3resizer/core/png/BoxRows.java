package dev.s3resizer.core.png;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Shrink-on-load for PNG: averages {@code fx x fy} blocks of decoded rows as they arrive, so
 * the full-size raster never exists. Rows are summed into one row of block sums; when a block of
 * rows is complete (or the image ends) its averages become one output row. Blocks at the right
 * and bottom edges average the pixels they have, with the rounding of
 * {@link dev.s3resizer.core.resample.BoxReduce}, so the result is the same as decoding in full and
 * reducing afterwards.
 *
 * <p>{@code BoxRows box = new BoxRows(width, height, channels, 4, 4); box.add(row); Pixels small = box.pixels();}
 */
final class BoxRows {

    private final int width;
    private final int height;
    private final int channels;
    private final int fx;
    private final int fy;
    private final Pixels out;
    private final int[] sums;
    private int rowsIn;
    private int y;

    BoxRows(int width, int height, int channels, int fx, int fy) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.fx = fx;
        this.fy = fy;
        this.out = Pixels.allocate((width + fx - 1) / fx, (height + fy - 1) / fy, channels);
        this.sums = new int[out.width() * channels];
    }

    /** The output size for an image of {@code width x height} reduced by {@code fx x fy}. */
    Pixels pixels() {
        return out;
    }

    /** Adds the next decoded row ({@code width * channels} samples from {@code row[0]}). */
    void add(byte[] row) {
        int c = channels;
        int blockBytes = fx * c;
        int full = width / fx;
        for (int b = 0, s = 0; b < full; b++) {
            int o = b * c;
            for (int i = 0; i < blockBytes; i += c, s += c) {
                for (int k = 0; k < c; k++) {
                    sums[o + k] += row[s + k] & 0xFF;
                }
            }
        }
        if (full * fx < width) {
            int o = full * c;
            for (int s = full * blockBytes; s < width * c; s += c) {
                for (int k = 0; k < c; k++) {
                    sums[o + k] += row[s + k] & 0xFF;
                }
            }
        }
        rowsIn++;
        y++;
        if (rowsIn == fy || y == height) {
            emit();
        }
    }

    private void emit() {
        byte[] d = out.data();
        int row = (y - 1) / fy;
        int at = row * out.width() * channels;
        for (int ox = 0; ox < out.width(); ox++) {
            int n = Math.min(fx, width - ox * fx) * rowsIn;
            int half = n >> 1;
            for (int k = 0, i = ox * channels; k < channels; k++, i++) {
                d[at + i] = (byte) ((sums[i] + half) / n);
                sums[i] = 0;
            }
        }
        rowsIn = 0;
    }
}
