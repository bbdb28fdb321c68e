package dev.s3resizer.core.jpeg.encode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The second entropy pass: writes the symbols of a {@link SymbolBuffer} as Huffman codes plus
 * extra bits. Branch-free per symbol: the bits go into the top of a 64-bit accumulator, which is
 * stored as 8 big-endian bytes every time and advanced by the whole bytes it holds. The 0x00
 * that JPEG stuffs after every 0xFF byte is added while copying out, in {@link #copyStuffed}.
 * The scan ends padded with 1-bits to a byte boundary.
 *
 * <p>{@code var scan = new HuffmanEncoder(codes).write(symbols, buffer); scan.copyStuffed(file, offset);}
 */
final class HuffmanEncoder {

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final int[] codes;
    private byte[] out;
    private int length;
    private int stuffed;

    /** {@code codes}: for each table 0-3, 256 entries of {@code length << 16 | code}. */
    HuffmanEncoder(int[] codes) {
        this.codes = codes;
    }

    /** The unstuffed scan bytes, valid up to their length; possibly a grown copy of the given buffer. */
    byte[] buffer() {
        return out;
    }

    /** Length of the scan with stuffing, as it goes into the file. */
    int stuffedLength() {
        return length + stuffed;
    }

    /** Encodes every symbol of {@code symbols}, unstuffed, into {@code buffer} (grown when too small). */
    HuffmanEncoder write(SymbolBuffer symbols, byte[] buffer) {
        int[] entries = symbols.entries();
        int n = symbols.size();
        byte[] o = buffer.length >= 4 * n + 16 ? buffer : new byte[4 * n + 16];
        int[] table = codes;
        long acc = 0;
        int bits = 0;
        int pos = 0;
        for (int i = 0; i < n; i++) {
            int e = entries[i];
            int tableSymbol = e >>> 16;
            int code = table[tableSymbol];
            int extra = tableSymbol & 15;
            int size = (code >>> 16) + extra;
            long value = (long) (code & 0xFFFF) << extra | (e & 0xFFFF);
            bits += size;
            acc |= value << (64 - bits);
            BIG_ENDIAN_LONG.set(o, pos, acc);
            pos += bits >>> 3;
            acc <<= bits & ~7;
            bits &= 7;
        }
        if (bits > 0) {
            acc |= -1L >>> bits;
            BIG_ENDIAN_LONG.set(o, pos, acc);
            pos++;
        }
        out = o;
        length = pos;
        stuffed = countFF(o, pos);
        return this;
    }

    /** Copies the scan into {@code file} at {@code offset}, with a 0x00 after every 0xFF. */
    void copyStuffed(byte[] file, int offset) {
        int from = 0;
        int to = offset;
        for (int i = 0; i < length; i++) {
            if (out[i] == (byte) 0xFF) {
                int run = i + 1 - from;
                System.arraycopy(out, from, file, to, run);
                to += run;
                file[to++] = 0;
                from = i + 1;
            }
        }
        System.arraycopy(out, from, file, to, length - from);
    }

    private static int countFF(byte[] b, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += b[i] == (byte) 0xFF ? 1 : 0;
        }
        return count;
    }
}
