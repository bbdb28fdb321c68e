package dev.s3resizer.core.png;

import dev.s3resizer.core.CorruptImageException;

/**
 * Undoes the five PNG row filters (None, Sub, Up, Average, Paeth) in place. A row holds its
 * filter-type byte at index 0 and its bytes from index 1; the row above is all zeros for the
 * first row. {@code stride} is the distance to the same byte of the pixel on the left.
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
        for (int i = 1 + stride; i <= length; i++) {
            row[i] += row[i - stride];
        }
    }

    private static void up(byte[] row, byte[] above, int length) {
        for (int i = 1; i <= length; i++) {
            row[i] += above[i];
        }
    }

    private static void average(byte[] row, byte[] above, int length, int stride) {
        int first = Math.min(length, stride);
        for (int i = 1; i <= first; i++) {
            row[i] += (byte) ((above[i] & 0xFF) >>> 1);
        }
        for (int i = 1 + stride; i <= length; i++) {
            row[i] += (byte) (((row[i - stride] & 0xFF) + (above[i] & 0xFF)) >>> 1);
        }
    }

    /** Predicts each byte from the left, upper or upper-left one, whichever is nearest to left + up - upper-left. */
    private static void paeth(byte[] row, byte[] above, int length, int stride) {
        int first = Math.min(length, stride);
        for (int i = 1; i <= first; i++) {
            row[i] += above[i];
        }
        for (int i = 1 + stride; i <= length; i++) {
            int a = row[i - stride] & 0xFF;
            int b = above[i] & 0xFF;
            int c = above[i - stride] & 0xFF;
            int pa = Math.abs(b - c);
            int pb = Math.abs(a - c);
            int pc = Math.abs(a + b - c - c);
            int predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            row[i] += (byte) predicted;
        }
    }
}
