package dev.s3resizer.core.tiff;

import dev.s3resizer.core.CorruptImageException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The LZW variant of TIFF 6.0: codes MSB first, 9 to 12 bits, 256 clears the table, 257 ends the
 * strip, and the code size grows one code early. Decodes straight into the destination array.
 * Every string in the table has already been written out once (a new code is the previous string
 * plus one byte, and the two lie next to each other in the output), so the table keeps, for each
 * code, where in the output its string first appears and its length, and a code is decoded by
 * copying those bytes forward, as LZ77 does, instead of walking a chain of prefixes. Codes are
 * read from a 64-bit buffer refilled four bytes at a time. The table arrays are reused across strips.
 *
 * <p>{@code new Lzw().decode(tiff, at, count, pixels, offset, length);}
 */
final class Lzw {

    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int SIZE = 4096;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] start = new int[SIZE];
    private final int[] length = new int[SIZE];

    Lzw() {
        for (int i = 0; i < 256; i++) {
            length[i] = 1;
        }
    }

    /**
     * Decodes the strip at {@code in[at, at + count)} into {@code out[to, to + want)}; a strip that
     * ends early is corrupt, one that holds more than {@code want} bytes is cut there.
     */
    void decode(byte[] in, int at, int count, byte[] out, int to, int want) {
        if (count >= 2 && in[at] == 0 && (in[at + 1] & 1) == 1) {
            throw new UnsupportedTiffException("old-style (LSB-first) LZW is not decoded here");
        }
        int end = at + count;
        int o = to;
        int limit = to + want;
        long bits = 0;
        int held = 0;
        int width = 9;
        int next = 258;
        int previous = -1;
        int previousAt = 0;
        while (o < limit) {
            if (held < width) {
                if (at + 4 <= end) {
                    bits = bits << 32 | (int) INT.get(in, at) & 0xFFFFFFFFL;
                    held += 32;
                    at += 4;
                } else {
                    do {
                        bits = bits << 8 | (at < end ? in[at] & 0xFF : 0);
                        held += 8;
                        if (at++ > end + 2) {
                            throw truncated(o - to, want);
                        }
                    } while (held < width);
                }
            }
            int code = (int) (bits >>> (held - width)) & ((1 << width) - 1);
            held -= width;
            if (code == CLEAR) {
                width = 9;
                next = 258;
                previous = -1;
                continue;
            }
            if (code == END) {
                throw truncated(o - to, want);
            }
            int here = o;
            if (code < 256) {
                out[o++] = (byte) code;
            } else if (previous >= 0 && (code < next || code == next && next < SIZE)) {
                // The code just being defined (code == next) is the previous string plus its own first byte.
                int n = code == next ? length[previous] + 1 : length[code];
                int from = code == next ? previousAt : start[code];
                o = copy(out, from, o, Math.min(n, limit - o), limit);
            } else {
                throw bad(code);
            }
            if (previous >= 0 && next < SIZE) {
                start[next] = previousAt;
                length[next] = length[previous] + 1;
                next++;
                if (next + 1 >= 1 << width && width < 12) {
                    width++;
                }
            }
            previous = code;
            previousAt = here;
        }
    }

    /**
     * Copies {@code n} bytes from {@code out[from]} to {@code out[to]}, front to back (the source
     * may run into the bytes being written, as in the code just defined); returns the end. Eight
     * bytes at a time when the source lies at least that far back and the rounded-up copy stays
     * below {@code limit} (the bytes past {@code n} are written over by the codes that follow).
     */
    private static int copy(byte[] out, int from, int to, int n, int limit) {
        if (to - from >= Long.BYTES && to + ((n + 7) & ~7) <= limit) {
            for (int i = 0; i < n; i += Long.BYTES) {
                LONG.set(out, to + i, (long) LONG.get(out, from + i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[to + i] = out[from + i];
            }
        }
        return to + n;
    }

    private static CorruptImageException truncated(int got, int want) {
        return new CorruptImageException("TIFF: LZW image data ends after " + got + " of " + want
                + " bytes of a strip or tile; the file is truncated or damaged");
    }

    private static CorruptImageException bad(int code) {
        return new CorruptImageException("TIFF: LZW image data holds the undefined code " + code
                + "; the file is damaged");
    }
}
