package dev.s3resizer.core.jpeg.encode;

import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;

/**
 * Turns one MCU row of interleaved 8-bit pixels (or of Y, Cb and Cr planes, {@link #planes})
 * into level-shifted samples in {@link BlockRow}s:
 * JFIF YCbCr (ITU-R BT.601, full range, libjpeg's 16-bit fixed-point weights) with chroma
 * box-averaged over 2x2 pixels for 4:2:0, or gray. Pixels past the right and bottom edges repeat
 * the last column and row, as libjpeg pads them.
 *
 * <p>{@code YCbCrRows.colour(rgb, width, height, mcuRow, blockRow, simd ? lines : null);}
 */
final class YCbCrRows {

    /** libjpeg's luma weights in 16-bit fixed point: 65536 times 0.299, 0.587 and 0.114. */
    static final int Y_R = 19595;
    static final int Y_G = 38470;
    static final int Y_B = 7471;
    static final float Y_SCALE = 1f / 65536;
    /** Cb = (B - Y) / 1.772, on sums of four pixels with Y in 16-bit fixed point. */
    static final float CB_SCALE = (float) (0.5 / (1 - 0.114) / (4 * 65536));
    /** Cr = (R - Y) / 1.402, likewise. */
    static final float CR_SCALE = (float) (0.5 / (1 - 0.299) / (4 * 65536));

    private YCbCrRows() {
    }

    /**
     * Fills {@code row} from RGB rows {@code 16 * mcuRow} onwards: converted on SIMD lanes into
     * {@code lanes} and copied into the blocks from there, or when {@code lanes} is null in the
     * scalar loops straight into the blocks (the same samples; through lines, the scalar loop
     * measured no faster). With {@code c} MCU columns the row's blocks are: upper luma 0 to 2c-1,
     * lower luma 2c to 4c-1, Cb 4c to 5c-1, Cr 5c to 6c-1.
     */
    static void colour(byte[] rgb, int width, int height, int mcuRow, BlockRow row, ColourLines lanes) {
        if (lanes != null) {
            viaLines(rgb, width, height, mcuRow, row, lanes);
            return;
        }
        int stride = width * 3;
        int columns = row.blocks / 6;
        int inside = width / 16;
        float[][] s = row.samples;
        for (int pair = 0; pair < 8; pair++) {
            int y = mcuRow * 16 + pair * 2;
            int upper = Math.min(y, height - 1) * stride;
            int lower = Math.min(y + 1, height - 1) * stride;
            int luma = pair < 4 ? 0 : 2 * columns;
            int r = (pair & 3) * 16;
            for (int j = 0; j < 8; j++) {
                columnPairs(rgb, upper + 6 * j, lower + 6 * j, inside, s, r + (2 * j & 7), luma + (j >> 2),
                        s[pair * 8 + j], 4 * columns, 5 * columns);
            }
            for (int m = inside; m < columns; m++) {
                mcuPair(rgb, upper + m * 48, lower + m * 48, width - 1 - m * 16, s, r, luma + 2 * m, 4 * columns + m,
                        5 * columns + m, pair * 8);
            }
        }
    }

    /**
     * Each pixel row converted whole into {@code lines}, then its luma, and after the second row
     * of a pair the pair's chroma, copied into the blocks.
     */
    private static void viaLines(byte[] rgb, int width, int height, int mcuRow, BlockRow row, ColourLines lines) {
        int columns = row.blocks / 6;
        float[][] s = row.samples;
        lines.fit(16 * columns);
        for (int r = 0; r < 16; r++) {
            int at = Math.min(mcuRow * 16 + r, height - 1) * width * 3;
            boolean second = (r & 1) == 1;
            lines.convert(rgb, at, width, 16 * columns, second);
            copyRow(lines.luma, 1, s, (r & 7) * 8, r < 8 ? 0 : 2 * columns, 2 * columns);
            if (second) {
                copyRow(lines.cb, 2, s, r / 2 * 8, 4 * columns, columns);
                copyRow(lines.cr, 2, s, r / 2 * 8, 5 * columns, columns);
            }
        }
    }

    /**
     * The 2x2 pixels at the same place of each of the first {@code count} MCU columns (pixels
     * 48 bytes apart from {@code a} and {@code b}): luma to sample e, e+1, e+8, e+9 of blocks
     * {@code y}, {@code y + 2}, ..., chroma to {@code chroma} at blocks {@code cb + m}, {@code cr + m}.
     */
    private static void columnPairs(byte[] p, int a, int b, int count, float[][] s, int e, int y,
                                    float[] chroma, int cb, int cr) {
        float[] s0 = s[e];
        float[] s1 = s[e + 1];
        float[] s8 = s[e + 8];
        float[] s9 = s[e + 9];
        for (int m = 0; m < count; m++, a += 48, b += 48) {
            int r0 = p[a] & 0xFF, g0 = p[a + 1] & 0xFF, b0 = p[a + 2] & 0xFF;
            int r1 = p[a + 3] & 0xFF, g1 = p[a + 4] & 0xFF, b1 = p[a + 5] & 0xFF;
            int r2 = p[b] & 0xFF, g2 = p[b + 1] & 0xFF, b2 = p[b + 2] & 0xFF;
            int r3 = p[b + 3] & 0xFF, g3 = p[b + 4] & 0xFF, b3 = p[b + 5] & 0xFF;
            int y0 = luma(r0, g0, b0);
            int y1 = luma(r1, g1, b1);
            int y2 = luma(r2, g2, b2);
            int y3 = luma(r3, g3, b3);
            int block = y + 2 * m;
            s0[block] = y0 * Y_SCALE - 128f;
            s1[block] = y1 * Y_SCALE - 128f;
            s8[block] = y2 * Y_SCALE - 128f;
            s9[block] = y3 * Y_SCALE - 128f;
            int ys = y0 + y1 + y2 + y3;
            chroma[cb + m] = ((b0 + b1 + b2 + b3 << 16) - ys) * CB_SCALE;
            chroma[cr + m] = ((r0 + r1 + r2 + r3 << 16) - ys) * CR_SCALE;
        }
    }

    /** Fills 8 pixel rows of {@code row} from gray rows {@code 8 * blockRow} onwards. */
    static void gray(byte[] gray, int width, int height, int blockRow, BlockRow row) {
        for (int r = 0; r < 8; r++) {
            int src = Math.min(blockRow * 8 + r, height - 1) * width;
            sampleRow(gray, src, width, row.samples, r * 8, 0, row.blocks);
        }
    }

    /**
     * Fills {@code row} (laid out as for {@link #colour}) straight from Y, Cb and Cr planes, the
     * chroma ones already at half the luma's size: no conversion, no averaging.
     */
    static void planes(YccPlanes ycc, int mcuRow, BlockRow row) {
        int columns = row.blocks / 6;
        Pixels y = ycc.y();
        for (int r = 0; r < 16; r++) {
            int src = Math.min(mcuRow * 16 + r, y.height() - 1) * y.width();
            sampleRow(y.data(), src, y.width(), row.samples, (r & 7) * 8, r < 8 ? 0 : 2 * columns, 2 * columns);
        }
        Pixels cb = ycc.cb();
        for (int r = 0; r < 8; r++) {
            int src = Math.min(mcuRow * 8 + r, cb.height() - 1) * cb.width();
            sampleRow(cb.data(), src, cb.width(), row.samples, r * 8, 4 * columns, columns);
            sampleRow(ycc.cr().data(), src, cb.width(), row.samples, r * 8, 5 * columns, columns);
        }
    }

    /**
     * One row of {@code width} samples from {@code at} as sample row {@code e / 8} of blocks
     * {@code first} to {@code first + blocks - 1}, level-shifted; past the edge the last sample repeats.
     */
    private static void sampleRow(byte[] p, int at, int width, float[][] s, int e, int first, int blocks) {
        int inside = Math.min(blocks, width / 8);
        for (int j = 0; j < 8; j++) {
            float[] t = s[e + j];
            for (int b = 0, q = at + j; b < inside; b++, q += 8) {
                t[first + b] = (p[q] & 0xFF) - 128f;
            }
            for (int b = inside; b < blocks; b++) {
                t[first + b] = (p[at + Math.min(b * 8 + j, width - 1)] & 0xFF) - 128f;
            }
        }
    }

    /**
     * Two pixel rows of the MCU column at the right edge (16 pixels from {@code a} and {@code b};
     * columns past {@code last} repeat it): 32 luma samples at sample rows {@code r / 8} and {@code r / 8 + 1}
     * of blocks {@code y} and {@code y + 1}, and 8 samples at sample row {@code c / 8} of blocks
     * {@code cb} and {@code cr}.
     */
    private static void mcuPair(byte[] p, int a, int b, int last, float[][] s, int r, int y,
                                int cb, int cr, int c) {
        for (int j = 0; j < 8; j++) {
            int x0 = Math.min(2 * j, last) * 3;
            int x1 = Math.min(2 * j + 1, last) * 3;
            int r0 = p[a + x0] & 0xFF, g0 = p[a + x0 + 1] & 0xFF, b0 = p[a + x0 + 2] & 0xFF;
            int r1 = p[a + x1] & 0xFF, g1 = p[a + x1 + 1] & 0xFF, b1 = p[a + x1 + 2] & 0xFF;
            int r2 = p[b + x0] & 0xFF, g2 = p[b + x0 + 1] & 0xFF, b2 = p[b + x0 + 2] & 0xFF;
            int r3 = p[b + x1] & 0xFF, g3 = p[b + x1 + 1] & 0xFF, b3 = p[b + x1 + 2] & 0xFF;
            int y0 = luma(r0, g0, b0);
            int y1 = luma(r1, g1, b1);
            int y2 = luma(r2, g2, b2);
            int y3 = luma(r3, g3, b3);
            int block = y + (j >> 2);
            int e = r + (2 * j & 7);
            s[e][block] = y0 * Y_SCALE - 128f;
            s[e + 1][block] = y1 * Y_SCALE - 128f;
            s[e + 8][block] = y2 * Y_SCALE - 128f;
            s[e + 9][block] = y3 * Y_SCALE - 128f;
            int ys = y0 + y1 + y2 + y3;
            s[c + j][cb] = ((b0 + b1 + b2 + b3 << 16) - ys) * CB_SCALE;
            s[c + j][cr] = ((r0 + r1 + r2 + r3 << 16) - ys) * CR_SCALE;
        }
    }

    /**
     * Samples {@code line[spacing * (8 * b + j)]} as sample {@code e + j} of blocks {@code first + b},
     * {@code b < blocks}.
     */
    private static void copyRow(float[] line, int spacing, float[][] s, int e, int first, int blocks) {
        for (int j = 0; j < 8; j++) {
            float[] t = s[e + j];
            for (int b = 0, x = spacing * j; b < blocks; b++, x += 8 * spacing) {
                t[first + b] = line[x];
            }
        }
    }

    /** Y in 16-bit fixed point: 65536 times 0.299 R + 0.587 G + 0.114 B (libjpeg's weights). */
    static int luma(int r, int g, int b) {
        return Y_R * r + Y_G * g + Y_B * b;
    }
}
