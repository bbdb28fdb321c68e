package dev.s3resizer.core.tiff;

import dev.s3resizer.core.CorruptImageException;

/**
 * The LZW variant of TIFF 6.0: codes MSB first, 9 to 12 bits, 256 clears the table, 257 ends the
 * strip, and the code size grows one code early. Decodes straight into the destination array;
 * the table keeps, for each code, its prefix code, last byte, first byte and length, and a string
 * is written back to front from its last byte. The table arrays are reused across strips.
 *
 * <p>{@code new Lzw().decode(tiff, at, count, pixels, offset, length);}
 */
final class Lzw {

    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int SIZE = 4096;

    private final short[] prefix = new short[SIZE];
    private final byte[] last = new byte[SIZE];
    private final byte[] first = new byte[SIZE];
    private final short[] length = new short[SIZE];

    Lzw() {
        for (int i = 0; i < 256; i++) {
            last[i] = (byte) i;
            first[i] = (byte) i;
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
        while (o < limit) {
            while (held < width) {
                bits = bits << 8 | (at < end ? in[at] & 0xFF : 0);
                held += 8;
                if (at++ > end + 2) {
                    throw truncated(o - to, want);
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
            if (previous < 0) {
                if (code > 255) {
                    throw bad(code);
                }
                out[o++] = (byte) code;
                previous = code;
                continue;
            }
            int emitted;
            if (code < next) {
                emitted = code;
                if (next < SIZE) {
                    add(next, previous, first[code]);
                }
            } else if (code == next && next < SIZE) {
                add(next, previous, first[previous]);
                emitted = code;
            } else {
                throw bad(code);
            }
            o = emit(emitted, out, o, limit);
            if (next < SIZE) {
                next++;
            }
            if (next + 1 >= 1 << width && width < 12) {
                width++;
            }
            previous = code;
        }
    }

    private void add(int code, int previous, byte b) {
        prefix[code] = (short) previous;
        last[code] = b;
        first[code] = first[previous];
        length[code] = (short) (length[previous] + 1);
    }

    /** Writes the string of {@code code}, cut at {@code limit}; returns the position after it. */
    private int emit(int code, byte[] out, int o, int limit) {
        int n = length[code];
        int stop = o + n;
        int c = code;
        for (int p = stop - 1; p >= o; p--) {
            if (p < limit) {
                out[p] = last[c];
            }
            c = prefix[c];
        }
        return Math.min(stop, limit);
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
