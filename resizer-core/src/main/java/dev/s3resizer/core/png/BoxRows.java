package dev.s3resizer.core.png;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Shrink-on-load for PNG: averages {@code fx x fy} blocks of decoded rows as they arrive, so
 * the full-size raster never exists. Rows are summed column by column; when a block of rows is
 * complete (or the image ends) the column sums are summed across each block and their averages
 * become one output row. Blocks at the right and bottom edges average the pixels they have, with
 * the rounding of {@link dev.s3resizer.core.resample.BoxReduce}, so the result is the same as
 * decoding in full and reducing afterwards.
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
    private final int[] columns;
    private int rowsIn;
    private int y;

    BoxRows(int width, int height, int channels, int fx, int fy) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.fx = fx;
        this.fy = fy;
        this.out = Pixels.allocate((width + fx - 1) / fx, (height + fy - 1) / fy, channels);
        this.columns = new int[width * channels];
    }

    /** The reduced image, complete once every row has been added. */
    Pixels pixels() {
        return out;
    }

    /** Adds the next decoded row ({@code width * channels} samples from {@code row[0]}) to the column sums. */
    void add(byte[] row) {
        int n = width * channels;
        if (rowsIn == 0) {
            for (int i = 0; i < n; i++) {
                columns[i] = row[i] & 0xFF;
            }
        } else {
            for (int i = 0; i < n; i++) {
                columns[i] += row[i] & 0xFF;
            }
        }
        rowsIn++;
        y++;
        if (rowsIn == fy || y == height) {
            emit();
        }
    }

    /** Sums the column sums across each block and writes the block averages as the next output row. */
    private void emit() {
        byte[] d = out.data();
        int c = channels;
        int at = (y - 1) / fy * out.width() * c;
        for (int ox = 0; ox < out.width(); ox++) {
            int cols = Math.min(fx, width - ox * fx);
            int n = cols * rowsIn;
            int first = ox * fx * c;
            for (int k = 0; k < c; k++) {
                int sum = 0;
                for (int i = first + k, end = first + cols * c; i < end; i += c) {
                    sum += columns[i];
                }
                d[at++] = (byte) ((sum + (n >> 1)) / n);
            }
        }
        rowsIn = 0;
    }
}
