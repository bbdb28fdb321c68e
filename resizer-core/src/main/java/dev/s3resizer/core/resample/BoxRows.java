package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Shrink-on-load for decoders that produce rows (PNG, TIFF): averages {@code fx x fy} blocks of decoded rows as they arrive, so
 * the full-size raster never exists. Rows are summed column by column; when a block of rows is
 * complete (or the image ends) the column sums are summed across each block and their averages
 * become one output row. Blocks at the right and bottom edges average the pixels they have, with
 * the rounding of {@link BoxReduce}, so the result is the same as
 * decoding in full and reducing afterwards.
 *
 * <p>{@code BoxRows box = new BoxRows(width, height, channels, 4, 4); box.add(row); Pixels small = box.pixels();}
 */
public final class BoxRows {

    /** The request's share of the reduction a box may take: the 1.5x it leaves over 2x. */
    private static final double BOX_SHARE = 0.75;


    private final int width;
    private final int height;
    private final int channels;
    private final int fx;
    private final int fy;
    private final Pixels out;
    private final int[] columns;
    private final BlockMean fullBlock;
    private int rowsIn;
    private int y;

    public BoxRows(int width, int height, int channels, int fx, int fy) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.fx = fx;
        this.fy = fy;
        this.out = Pixels.allocate((width + fx - 1) / fx, (height + fy - 1) / fy, channels);
        this.columns = new int[width * channels];
        this.fullBlock = new BlockMean(fx * fy);
    }

    /**
     * The box factor along one axis for a decoder asked for at least {@code wanted} of {@code size}
     * samples: the factor the resampler's own box stage would take. The resampler's box leaves its
     * filter at least 2x; the pipeline asks for {@link dev.s3resizer.core.ImageResizer#DEFAULT_REDUCING_GAP}
     * (1.5) times the output, so the factor is the size over 4/3 of the request (a box leaving only
     * 1.5x costs 2 dB).
     */
    public static int factor(int size, int wanted) {
        return Math.max(1, (int) (size * BOX_SHARE / Math.max(1, wanted)));
    }

    /** The reduced image, complete once every row has been added. */
    public Pixels pixels() {
        return out;
    }

    /** Adds the next decoded row ({@code width * channels} samples from {@code row[0]}) to the column sums. */
    public void add(byte[] row) {
        add(row, 0);
    }

    /** Adds the next decoded row, {@code width * channels} samples from {@code rows[at]}, to the column sums. */
    public void add(byte[] rows, int at) {
        int n = width * channels;
        if (rowsIn == 0) {
            for (int i = 0; i < n; i++) {
                columns[i] = rows[at + i] & 0xFF;
            }
        } else {
            for (int i = 0; i < n; i++) {
                columns[i] += rows[at + i] & 0xFF;
            }
        }
        rowsIn++;
        y++;
        if (rowsIn == fy || y == height) {
            emit();
        }
    }

    /**
     * Sums the column sums across each block and writes the block averages as the next output row:
     * the blocks {@code fx} columns wide first (three channels unrolled), then the narrower one at
     * the right edge, if any.
     */
    private void emit() {
        byte[] d = out.data();
        int c = channels;
        int at = (y - 1) / fy * out.width() * c;
        int whole = width / fx;
        BlockMean mean = rowsIn == fy ? fullBlock : new BlockMean(fx * rowsIn);
        if (c == 3) {
            at = three(d, at, whole, mean);
        } else {
            at = blocks(d, at, 0, whole, fx, mean);
        }
        if (whole < out.width()) {
            int cols = width - whole * fx;
            blocks(d, at, whole, whole + 1, cols, new BlockMean(cols * rowsIn));
        }
        rowsIn = 0;
    }

    private int three(byte[] d, int at, int blocks, BlockMean mean) {
        int[] sums = columns;
        int o = at;
        for (int b = 0, i = 0; b < blocks; b++) {
            int r = 0;
            int g = 0;
            int bl = 0;
            for (int end = i + 3 * fx; i < end; i += 3) {
                r += sums[i];
                g += sums[i + 1];
                bl += sums[i + 2];
            }
            d[o] = (byte) mean.of(r);
            d[o + 1] = (byte) mean.of(g);
            d[o + 2] = (byte) mean.of(bl);
            o += 3;
        }
        return o;
    }

    /** Writes blocks {@code [from, to)}, each {@code cols} columns wide, from {@code d[at]}; returns where they end. */
    private int blocks(byte[] d, int at, int from, int to, int cols, BlockMean mean) {
        int c = channels;
        int o = at;
        for (int b = from; b < to; b++) {
            int first = b * fx * c;
            for (int k = 0; k < c; k++) {
                int sum = 0;
                for (int i = first + k, end = first + cols * c; i < end; i += c) {
                    sum += columns[i];
                }
                d[o++] = (byte) mean.of(sum);
            }
        }
        return o;
    }
}
