package dev.s3resizer.core.png;

import dev.s3resizer.core.CorruptImageException;

/**
 * Undoes the five PNG row filters (None, Sub, Up, Average, Paeth) in place. A row holds its
 * filter-type byte at index 0 and its bytes from index 1; the row above is all zeros for the
 * first row. {@code stride} is the distance to the same byte of the pixel on the left. Rows are
 * arrays of their own, indexed alike, so that the JIT vectorises Up. Sub and Average depend on
 * the byte just undone, so for 1, 3 and 4 bytes a pixel each channel's last value is kept in a
 * local instead of being read back from the array (Paeth too for 1 byte). Paeth chooses its
 * predictor without a branch, which photographs would mispredict about every other byte.
 */
final class RowFilters {

    private RowFilters() {
    }

    static void undo(byte[] row, byte[] above, int length, int stride, int y, int height) {
        switch (row[0]) {
            case 0 -> { }
            case 1 -> sub(row, length, stride);
            case 2 -> up(row, above, length);
            case 3 -> average(row, above, length, stride);
            case 4 -> paeth(row, above, length, stride);
            default -> throw new CorruptImageException("PNG: row " + (y + 1) + " of " + height
                    + " names filter type " + (row[0] & 0xFF) + " (PNG defines 0-4); the file is damaged");
        }
    }

    private static void sub(byte[] row, int length, int stride) {
        if (stride == 1) {
            byte left = 0;
            for (int i = 1; i <= length; i++) {
                left += row[i];
                row[i] = left;
            }
        } else if (stride == 3 && length % 3 == 0) {
            sub3(row, length);
        } else if (stride == 4 && length % 4 == 0) {
            sub4(row, length);
        } else {
            for (int i = 1 + stride; i <= length; i++) {
                row[i] += row[i - stride];
            }
        }
    }

    private static void sub3(byte[] row, int length) {
        byte r = 0;
        byte g = 0;
        byte b = 0;
        for (int i = 1; i <= length; i += 3) {
            r += row[i];
            g += row[i + 1];
            b += row[i + 2];
            row[i] = r;
            row[i + 1] = g;
            row[i + 2] = b;
        }
    }

    private static void sub4(byte[] row, int length) {
        byte r = 0;
        byte g = 0;
        byte b = 0;
        byte a = 0;
        for (int i = 1; i <= length; i += 4) {
            r += row[i];
            g += row[i + 1];
            b += row[i + 2];
            a += row[i + 3];
            row[i] = r;
            row[i + 1] = g;
            row[i + 2] = b;
            row[i + 3] = a;
        }
    }

    private static void up(byte[] row, byte[] above, int length) {
        for (int i = 1; i <= length; i++) {
            row[i] += above[i];
        }
    }

    private static void average(byte[] row, byte[] above, int length, int stride) {
        if (stride == 1) {
            int left = 0;
            for (int i = 1; i <= length; i++) {
                left = row[i] + ((left + (above[i] & 0xFF)) >>> 1) & 0xFF;
                row[i] = (byte) left;
            }
        } else if (stride == 3 && length % 3 == 0) {
            average3(row, above, length);
        } else if (stride == 4 && length % 4 == 0) {
            average4(row, above, length);
        } else {
            int first = Math.min(length, stride);
            for (int i = 1; i <= first; i++) {
                row[i] += (byte) ((above[i] & 0xFF) >>> 1);
            }
            for (int i = 1 + stride; i <= length; i++) {
                row[i] += (byte) (((row[i - stride] & 0xFF) + (above[i] & 0xFF)) >>> 1);
            }
        }
    }

    private static void average3(byte[] row, byte[] above, int length) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int i = 1; i <= length; i += 3) {
            r = row[i] + ((r + (above[i] & 0xFF)) >>> 1) & 0xFF;
            g = row[i + 1] + ((g + (above[i + 1] & 0xFF)) >>> 1) & 0xFF;
            b = row[i + 2] + ((b + (above[i + 2] & 0xFF)) >>> 1) & 0xFF;
            row[i] = (byte) r;
            row[i + 1] = (byte) g;
            row[i + 2] = (byte) b;
        }
    }

    private static void average4(byte[] row, byte[] above, int length) {
        int r = 0;
        int g = 0;
        int b = 0;
        int a = 0;
        for (int i = 1; i <= length; i += 4) {
            r = row[i] + ((r + (above[i] & 0xFF)) >>> 1) & 0xFF;
            g = row[i + 1] + ((g + (above[i + 1] & 0xFF)) >>> 1) & 0xFF;
            b = row[i + 2] + ((b + (above[i + 2] & 0xFF)) >>> 1) & 0xFF;
            a = row[i + 3] + ((a + (above[i + 3] & 0xFF)) >>> 1) & 0xFF;
            row[i] = (byte) r;
            row[i + 1] = (byte) g;
            row[i + 2] = (byte) b;
            row[i + 3] = (byte) a;
        }
    }

    /** Predicts each byte from the left, upper or upper-left one, whichever is nearest to left + up - upper-left. */
    private static void paeth(byte[] row, byte[] above, int length, int stride) {
        if (stride == 1) {
            int left = 0;
            int upperLeft = 0;
            for (int i = 1; i <= length; i++) {
                int up = above[i] & 0xFF;
                left = row[i] + predict(left, up, upperLeft) & 0xFF;
                row[i] = (byte) left;
                upperLeft = up;
            }
            return;
        }
        int first = Math.min(length, stride);
        for (int i = 1; i <= first; i++) {
            row[i] += above[i];
        }
        for (int i = 1 + stride; i <= length; i++) {
            row[i] += (byte) predict(row[i - stride] & 0xFF, above[i] & 0xFF, above[i - stride] & 0xFF);
        }
    }

    /**
     * The Paeth predictor (PNG specification, 9.4) of left {@code a}, up {@code b} and upper-left
     * {@code c}: with t = 3c - a - b, the spec's choice is max(a, b) when t <= min(a, b), min(a, b)
     * when max(a, b) <= t, and c otherwise (stb_image's formulation; a test checks it against the
     * spec's for every a, b and c). The choices are sign masks, not conditionals: the JIT turns a
     * conditional into a branch or a conditional move by how it went so far, so code compiled on a
     * flat graphic branched, and a photograph decoded next in the same process mispredicted them
     * (figures in docs/performance.md).
     */
    static int predict(int a, int b, int c) {
        int t = 3 * c - a - b;
        int d = a - b;
        int aBelow = d >> 31;
        int lo = b + (d & aBelow);
        int hi = a - (d & aBelow);
        int notLeft = lo ^ (lo ^ c) & (t - hi) >> 31;
        return hi ^ (hi ^ notLeft) & (lo - t) >> 31;
    }
}
