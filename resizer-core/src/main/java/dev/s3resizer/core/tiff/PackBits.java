package dev.s3resizer.core.tiff;

import dev.s3resizer.core.CorruptImageException;

import java.util.Arrays;

/**
 * PackBits, TIFF compression 32773 (TIFF 6.0 section 9): a header byte n then either n + 1 literal
 * bytes (n = 0..127) or one byte repeated 1 - n times (n = -127..-1); -128 is skipped.
 *
 * <p>{@code PackBits.decode(tiff, at, count, pixels, offset, length);}
 */
final class PackBits {

    private PackBits() {
    }

    /**
     * Decodes the block at {@code in[at, at + count)} into {@code out[to, to + want)}; a block that
     * ends early is corrupt, one that holds more than {@code want} bytes is cut there.
     */
    static void decode(byte[] in, int at, int count, byte[] out, int to, int want) {
        int end = at + count;
        int o = to;
        int limit = to + want;
        while (o < limit) {
            if (at >= end) {
                throw truncated(o - to, want);
            }
            int n = in[at++];
            if (n >= 0) {
                int literal = Math.min(n + 1, limit - o);
                if (at + literal > end) {
                    throw truncated(o - to, want);
                }
                System.arraycopy(in, at, out, o, literal);
                at += n + 1;
                o += literal;
            } else if (n != -128) {
                if (at >= end) {
                    throw truncated(o - to, want);
                }
                int run = Math.min(1 - n, limit - o);
                Arrays.fill(out, o, o + run, in[at++]);
                o += run;
            }
        }
    }

    private static CorruptImageException truncated(int got, int want) {
        return new CorruptImageException("TIFF: PackBits image data ends after " + got + " of " + want
                + " bytes of a strip or tile; the file is truncated or damaged");
    }
}
