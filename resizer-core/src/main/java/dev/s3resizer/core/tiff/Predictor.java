package dev.s3resizer.core.tiff;

/**
 * Undoes TIFF horizontal differencing (Predictor 2, TIFF 6.0 section 14) on one row of 8-bit
 * chunky samples: each sample is stored as its difference from the same sample of the pixel to
 * its left, modulo 256. Run on each row as it is decoded, while it is still in cache; the common
 * layouts keep the running sums of a pixel in int registers instead of reading back what they
 * wrote, unmasked: only the low byte of a sum is stored, and int arithmetic wraps modulo 2^32, a
 * multiple of 256. Those loops count pixels, not bytes: the JIT compiles that form faster.
 *
 * <p>{@code Predictor.undo(row, 0, width * 3, 3);}
 */
final class Predictor {

    private Predictor() {
    }

    /** Undoes the differencing of {@code length} bytes from {@code row[at]}, pixels of {@code samples} samples. */
    static void undo(byte[] row, int at, int length, int samples) {
        int end = at + length;
        switch (samples) {
            case 1 -> one(row, at, end);
            case 3 -> three(row, at, end);
            case 4 -> four(row, at, end);
            default -> {
                for (int i = at + samples; i < end; i++) {
                    row[i] += row[i - samples];
                }
            }
        }
    }

    private static void one(byte[] row, int at, int end) {
        int v = row[at];
        for (int i = at + 1; i < end; i++) {
            v += row[i];
            row[i] = (byte) v;
        }
    }

    private static void three(byte[] row, int at, int end) {
        if (end - at < 3) {
            return;
        }
        int r = row[at];
        int g = row[at + 1];
        int b = row[at + 2];
        for (int x = 1, n = (end - at) / 3; x < n; x++) {
            int i = at + 3 * x;
            r += row[i];
            g += row[i + 1];
            b += row[i + 2];
            row[i] = (byte) r;
            row[i + 1] = (byte) g;
            row[i + 2] = (byte) b;
        }
    }

    private static void four(byte[] row, int at, int end) {
        if (end - at < 4) {
            return;
        }
        int r = row[at];
        int g = row[at + 1];
        int b = row[at + 2];
        int a = row[at + 3];
        for (int x = 1, n = (end - at) / 4; x < n; x++) {
            int i = at + 4 * x;
            r += row[i];
            g += row[i + 1];
            b += row[i + 2];
            a += row[i + 3];
            row[i] = (byte) r;
            row[i + 1] = (byte) g;
            row[i + 2] = (byte) b;
            row[i + 3] = (byte) a;
        }
    }
}
