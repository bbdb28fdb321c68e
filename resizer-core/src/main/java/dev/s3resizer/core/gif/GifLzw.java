package dev.s3resizer.core.gif;

import dev.s3resizer.core.CorruptImageException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The LZW variant of GIF: codes LSB first, from (minimum code size + 1) bits up to 12, a clear
 * code and an end code after the literals, and a full table kept as it is until the next clear.
 * Joins the data sub-blocks first (a copy of the compressed frame), so that each code is one
 * eight-byte load at a bit position rather than a byte at a time across block boundaries, and
 * writes palette indexes straight into the destination. Every string in the table is already in
 * the output, so a code is kept as where its string starts there and how long it is, and
 * emitting it is a copy (as in LZ77): the code added after {@code previous} is
 * {@code previous}'s string plus the first index of the next one, which is exactly what follows
 * {@code previous} in the output.
 *
 * <p>{@code int next = new GifLzw().decode(gif, at, indexes, width * height);}
 */
final class GifLzw {

    private static final int SIZE = 4096;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Strings shorter than this are copied index by index; longer ones with {@link System#arraycopy}. */
    private static final int SHORT = 16;

    private final int[] start = new int[SIZE];
    private final int[] length = new int[SIZE];

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
        byte[] data = joinSubBlocks(gif, at + 1);
        long end = (long) (data.length - Long.BYTES) * Byte.SIZE;
        long bit = 0;
        int width = minimum + 1;
        int next = clear + 2;
        int previous = -1;
        int previousAt = 0;
        int o = 0;
        while (o < want) {
            if (bit + width > end) {
                throw truncated(o, want);
            }
            long bits = (long) LONG.get(data, (int) (bit >>> 3)) >>> (bit & 7);
            bit += width;
            int code = (int) bits & ((1 << width) - 1);
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
            } else {
                if (code > next || code == next && next >= SIZE) {
                    throw bad(code);
                }
                if (next < SIZE) {
                    start[next] = previousAt;
                    length[next] = (previous < clear ? 1 : length[previous]) + 1;
                    next++;
                    if (next == 1 << width && width < 12) {
                        width++;
                    }
                }
            }
            previousAt = o;
            o = emit(code, clear, out, o, want);
            previous = code;
        }
    }

    /**
     * The data sub-blocks from {@code gif[at]} (each a length byte and that many bytes, up to an
     * empty one or the end of the file) joined into one array, with eight zero bytes after them
     * so that the code reader can always load eight bytes at once: codes are read from a bit
     * position, with no sub-block boundary to watch for at every byte.
     */
    private static byte[] joinSubBlocks(byte[] gif, int at) {
        int total = 0;
        for (int p = at; p < gif.length && gif[p] != 0; p += 1 + (gif[p] & 0xFF)) {
            total += Math.min(gif[p] & 0xFF, gif.length - p - 1);
        }
        byte[] data = new byte[total + Long.BYTES];
        int n = 0;
        for (int p = at; p < gif.length && gif[p] != 0; p += 1 + (gif[p] & 0xFF)) {
            int size = Math.min(gif[p] & 0xFF, gif.length - p - 1);
            System.arraycopy(gif, p + 1, data, n, size);
            n += size;
        }
        return data;
    }

    /**
     * Writes the string of {@code code} at {@code out[o]}, cut at {@code limit}; returns where the
     * next one goes. The code added just before may be the one emitted, its string overlapping its
     * own copy by one index: copied forwards, that index is already there when it is read.
     */
    private int emit(int code, int clear, byte[] out, int o, int limit) {
        if (code < clear) {
            out[o] = (byte) code;
            return o + 1;
        }
        int from = start[code];
        int n = Math.min(length[code], limit - o);
        if (n >= SHORT && from + n <= o) {
            System.arraycopy(out, from, out, o, n);
        } else if (from + n <= o && o + Long.BYTES <= limit - n) {
            // Eight indexes a store: what lands past the string is output not yet written, which
            // the next strings overwrite; each load happens before its store, so an overlap past
            // the string reads only such bytes.
            for (int i = 0; i < n; i += Long.BYTES) {
                LONG.set(out, o + i, (long) LONG.get(out, from + i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[o + i] = out[from + i];
            }
        }
        return o + n;
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
