package dev.s3resizer.core.gif;

import dev.s3resizer.core.CorruptImageException;

/**
 * The LZW variant of GIF: codes LSB first, from (minimum code size + 1) bits up to 12, a clear
 * code and an end code after the literals, and a full table kept as it is until the next clear.
 * Reads the data sub-blocks in place and writes palette indexes straight into the destination;
 * a string is written back to front from its last byte.
 *
 * <p>{@code int next = new GifLzw().decode(gif, at, indexes, width * height);}
 */
final class GifLzw {

    private static final int SIZE = 4096;

    private final short[] prefix = new short[SIZE];
    private final byte[] last = new byte[SIZE];
    private final byte[] first = new byte[SIZE];
    private final short[] length = new short[SIZE];

    /**
     * Decodes the image data at {@code gif[at]} (minimum code size, then sub-blocks) into
     * {@code out[0, want)}. Data that ends before {@code want} indexes is corrupt; indexes past
     * {@code want} are dropped.
     */
    void decode(byte[] gif, int at, byte[] out, int want) {
        int minimum = at < gif.length ? gif[at] & 0xFF : -1;
        if (minimum < 1 || minimum > 8) {
            throw new CorruptImageException("GIF: the first frame declares an LZW code size of " + minimum
                    + " (GIF allows 2-8); the file is damaged");
        }
        int clear = 1 << minimum;
        for (int i = 0; i < clear; i++) {
            last[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
        int p = at + 1;
        int blockEnd = p;
        int bits = 0;
        int held = 0;
        int width = minimum + 1;
        int next = clear + 2;
        int previous = -1;
        int o = 0;
        while (o < want) {
            while (held < width) {
                if (p == blockEnd) {
                    int size = p < gif.length ? gif[p] & 0xFF : 0;
                    if (size == 0) {
                        throw truncated(o, want);
                    }
                    p++;
                    blockEnd = p + size;
                    if (blockEnd > gif.length) {
                        blockEnd = gif.length;
                        if (p == blockEnd) {
                            throw truncated(o, want);
                        }
                    }
                }
                bits |= (gif[p++] & 0xFF) << held;
                held += 8;
            }
            int code = bits & ((1 << width) - 1);
            bits >>>= width;
            held -= width;
            if (code == clear) {
                width = minimum + 1;
                next = clear + 2;
                previous = -1;
                continue;
            }
            if (code == clear + 1) {
                throw truncated(o, want);
            }
            if (previous < 0) {
                if (code >= clear) {
                    throw bad(code);
                }
                out[o++] = (byte) code;
                previous = code;
                continue;
            }
            if (code > next || code == next && next >= SIZE) {
                throw bad(code);
            }
            if (next < SIZE) {
                prefix[next] = (short) previous;
                last[next] = code < next ? first[code] : first[previous];
                first[next] = first[previous];
                length[next] = (short) (length[previous] + 1);
                next++;
                if (next == 1 << width && width < 12) {
                    width++;
                }
            }
            o = emit(code, out, o, want);
            previous = code;
        }
    }

    private int emit(int code, byte[] out, int o, int limit) {
        int stop = o + length[code];
        int c = code;
        int q = stop - 1;
        for (; q >= limit; q--) {
            c = prefix[c];
        }
        for (; q > o; q--) {
            out[q] = last[c];
            c = prefix[c];
        }
        out[o] = last[c];
        return Math.min(stop, limit);
    }

    private static CorruptImageException truncated(int got, int want) {
        return new CorruptImageException("GIF: the first frame's image data ends after " + got + " of its " + want
                + " pixels; the file is truncated or damaged");
    }

    private static CorruptImageException bad(int code) {
        return new CorruptImageException("GIF: the first frame's image data holds the undefined LZW code " + code
                + "; the file is damaged");
    }
}
