package dev.s3resizer.core.jpeg.encode;

import java.util.Arrays;

/**
 * The first of two entropy passes: quantised blocks become Huffman symbols (DC size category,
 * AC run/size, ZRL, EOB) with their extra bits, stored compactly and counted per table so that
 * optimal tables can be built before any bit is written. Zero runs are skipped here once, so the
 * second pass only looks up codes.
 *
 * <p>Each entry is {@code table << 24 | symbol << 16 | extraBits}, where the number of extra bits
 * is the symbol's low nibble. Tables: 0 luma DC, 1 luma AC, 2 chroma DC, 3 chroma AC.
 *
 * <p>{@code buffer.reset(); buffer.block(row, b, 0); ... int[] lumaDc = buffer.frequencies(0);}
 */
final class SymbolBuffer {

    /** At most one DC symbol and 63 AC symbols per block; ZRLs only replace zero coefficients. */
    private static final int MAX_PER_BLOCK = 64;

    private int[] entries = new int[1 << 16];
    private int size;
    private final int[] counts = new int[4 * 256];
    private final int[] predictors = new int[3];

    /** Forgets all symbols and statistics, ready for a new scan. */
    void reset() {
        size = 0;
        Arrays.fill(counts, 0);
        Arrays.fill(predictors, 0);
    }

    int size() {
        return size;
    }

    int[] entries() {
        return entries;
    }

    /** How often each of the 256 symbols of {@code table} occurs, a fresh array. */
    int[] frequencies(int table) {
        return Arrays.copyOfRange(counts, table * 256, table * 256 + 256);
    }

    /** Appends the symbols of block {@code b} of {@code row}, quantised, of component 0-2. */
    void block(BlockRow row, int b, int component) {
        int[][] q = row.coefficients;
        long nonZero = row.zigzagMask(b);
        if (size + MAX_PER_BLOCK > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        int[] e = entries;
        int[] n = counts;
        int p = size;
        int dcTable = component == 0 ? 0 : 512;
        int acTable = dcTable + 256;
        int dc = q[0][b];
        int diff = dc - predictors[component];
        predictors[component] = dc;
        int bits = bitLength(diff);
        n[dcTable + bits]++;
        e[p++] = (dcTable + bits) << 16 | extraBits(diff, bits);
        long rest = nonZero & ~1L;
        int last = 0;
        while (rest != 0) {
            int k = Long.numberOfTrailingZeros(rest);
            rest &= rest - 1;
            int run = k - last - 1;
            last = k;
            for (; run > 15; run -= 16) {
                n[acTable + 0xF0]++;
                e[p++] = (acTable + 0xF0) << 16;
            }
            int v = q[ForwardDct.ZIGZAG[k]][b];
            bits = bitLength(v);
            if (bits > 10) {
                v = v < 0 ? -1023 : 1023;
                bits = 10;
            }
            int symbol = acTable + (run << 4 | bits);
            n[symbol]++;
            e[p++] = symbol << 16 | extraBits(v, bits);
        }
        if (last < 63) {
            n[acTable]++;
            e[p++] = acTable << 16;
        }
        size = p;
    }

    /** Size category: the number of bits of |v|. */
    private static int bitLength(int v) {
        return 32 - Integer.numberOfLeadingZeros(v < 0 ? -v : v);
    }

    /** JPEG's extra bits: v itself when positive, else v - 1 in the low {@code bits} bits. */
    private static int extraBits(int v, int bits) {
        return (v + (v >> 31)) & ((1 << bits) - 1);
    }
}
