package dev.s3resizer.core.jpeg.encode;

import java.util.Arrays;

/**
 * The second entropy pass: writes the symbols of a {@link SymbolBuffer} as Huffman codes plus
 * extra bits, through a 64-bit accumulator emptied 32 bits at a time, with the 0x00 stuffed after
 * every 0xFF byte inline. The scan ends padded with 1-bits to a byte boundary.
 *
 * <p>{@code int length = new HuffmanEncoder(codes).write(buffer, out, 0);}
 */
final class HuffmanEncoder {

    private final int[] codes;
    private byte[] out;
    private int pos;

    /** {@code codes}: for each table 0-3, 256 entries of {@code length << 16 | code}. */
    HuffmanEncoder(int[] codes) {
        this.codes = codes;
    }

    /** The written bytes; valid up to {@link #length()}, possibly a grown copy of the given array. */
    byte[] bytes() {
        return out;
    }

    int length() {
        return pos;
    }

    /** Encodes every symbol of {@code symbols} into {@code buffer} from {@code start} on. */
    HuffmanEncoder write(SymbolBuffer symbols, byte[] buffer, int start) {
        out = buffer;
        pos = start;
        int[] entries = symbols.entries();
        int n = symbols.size();
        int[] table = codes;
        long acc = 0;
        int bits = 0;
        for (int i = 0; i < n; i++) {
            int e = entries[i];
            int tableSymbol = e >>> 16;
            int code = table[tableSymbol];
            int extra = tableSymbol & 15;
            acc = acc << (code >>> 16) | (code & 0xFFFF);
            acc = acc << extra | (e & 0xFFFF);
            bits += (code >>> 16) + extra;
            if (bits >= 32) {
                bits -= 32;
                put((int) (acc >>> bits));
            }
        }
        finish(acc, bits);
        return this;
    }

    private void put(int word) {
        if (pos + 8 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        byte[] o = out;
        if (!hasFF(word)) {
            o[pos] = (byte) (word >>> 24);
            o[pos + 1] = (byte) (word >>> 16);
            o[pos + 2] = (byte) (word >>> 8);
            o[pos + 3] = (byte) word;
            pos += 4;
            return;
        }
        putByte(word >>> 24);
        putByte(word >>> 16);
        putByte(word >>> 8);
        putByte(word);
    }

    /** True when some byte of {@code word} is 0xFF, i.e. some byte of its complement is zero. */
    private static boolean hasFF(int word) {
        int inverted = ~word;
        return ((inverted - 0x01010101) & ~inverted & 0x80808080) != 0;
    }

    private void putByte(int b) {
        out[pos++] = (byte) b;
        if ((b & 0xFF) == 0xFF) {
            out[pos++] = 0;
        }
    }

    private void finish(long acc, int bits) {
        if (pos + 16 > out.length) {
            out = Arrays.copyOf(out, out.length * 2 + 16);
        }
        int pad = (8 - (bits & 7)) & 7;
        acc = acc << pad | ((1L << pad) - 1);
        bits += pad;
        while (bits > 0) {
            bits -= 8;
            putByte((int) (acc >>> bits));
        }
    }
}
