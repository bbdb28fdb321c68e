package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;

/**
 * One Huffman table from a DHT segment, prepared for table-driven decoding. Codes up to
 * {@link #LOOKAHEAD} bits long are resolved by one lookup of the next bits of the stream; longer
 * (rare) codes go through the canonical-code walk in {@link #decodeLong(long)}.
 *
 * <p>{@link #fast} entries answer a whole coefficient at once where they can: when the code and
 * the value bits that follow it both fit in the lookahead, the entry holds the already-extended
 * value, the zero run and the total bit count ({@code FULL} set). Otherwise it holds the symbol
 * and the code length, and {@code 0} means "longer than the lookahead".
 */
final class HuffmanTable {

    static final int LOOKAHEAD = 10;
    static final int SHIFT = 64 - LOOKAHEAD;
    /** Flag bit of a {@link #fast} entry that carries run, value and total length. */
    static final int FULL = 1 << 8;

    /** Full entries: value << 16 | run << 9 | FULL | bits; symbol entries: symbol << 16 | bits. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /** Symbol entries only: bits << 8 | symbol, or 0 for codes longer than the lookahead. */
    final int[] plain = new int[1 << LOOKAHEAD];
    /**
     * AC tables only (null for DC): up to two whole coefficients per lookup, for the sequential
     * decoder. Where {@link #fast} has a full entry, this one repeats it and, when the next
     * coefficient (or an end of block) also fits in the lookahead, adds it. Layout:
     * {@code value1 << 48 | value2 << 32 (16 bits each, signed) | END_OF_BLOCK | PAIR | FULL |
     * run2 << 14 | run1 << 10 | length1 << 5 | length}, lengths in bits with the value bits.
     * Without a pair, {@code value2}, {@code run2} are 0 and {@code length == length1}.
     */
    final long[] pair;
    static final long PAIR_FULL = 1L << 18;
    static final long PAIR = 1L << 19;
    static final long PAIR_END = 1L << 20;
    private final int[] maxCode = new int[18];
    private final int[] valueOffset = new int[18];
    private final int[] symbols;

    /**
     * @param counts  number of codes of each length 1..16 (index 0 is length 1)
     * @param symbols the symbols in code order
     * @param dc      true for a DC table, whose symbol is a value size with no run or end-of-block
     */
    HuffmanTable(int[] counts, int[] symbols, boolean dc) {
        this.symbols = symbols.clone();
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            valueOffset[len] = k - code;
            code += counts[len - 1];
            k += counts[len - 1];
            if (code > (1 << len)) {
                throw new CorruptImageException("JPEG: a Huffman table (DHT) has more codes of length " + len
                        + " than fit; the file is damaged");
            }
            maxCode[len] = counts[len - 1] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        fillLookups(counts, dc);
        pair = dc ? null : pairs();
    }

    private long[] pairs() {
        long[] table = new long[1 << LOOKAHEAD];
        for (int p = 0; p < table.length; p++) {
            int e = fast[p];
            if ((e & FULL) == 0) {
                continue;
            }
            int length1 = e & 31;
            long entry = (long) (e >> 16) << 48 | PAIR_FULL | (long) ((e >> 9) & 15) << 10 | length1 << 5 | length1;
            int rest = LOOKAHEAD - length1;
            int second = plain[(p << length1) & ((1 << LOOKAHEAD) - 1)];
            int length2 = second >> 8;
            int symbol = second & 255;
            if (second != 0 && length2 <= rest && symbol != 0xF0) {
                int size = symbol & 15;
                if (symbol == 0) {
                    entry = (entry + length2) | PAIR_END;
                } else if (length2 + size <= rest) {
                    int raw = (p >> (rest - length2 - size)) & ((1 << size) - 1);
                    entry = (entry + length2 + size) | PAIR | (long) (symbol >> 4) << 14
                            | (extend(raw, size) & 0xFFFFL) << 32;
                }
            }
            table[p] = entry;
        }
        return table;
    }

    private void fillLookups(int[] counts, boolean dc) {
        int code = 0;
        int k = 0;
        for (int len = 1; len <= LOOKAHEAD; len++) {
            for (int i = 0; i < counts[len - 1]; i++, k++, code++) {
                int symbol = symbols[k];
                int first = code << (LOOKAHEAD - len);
                int count = 1 << (LOOKAHEAD - len);
                for (int p = first; p < first + count; p++) {
                    plain[p] = len << 8 | symbol;
                    fast[p] = fastEntry(p, len, symbol, dc);
                }
            }
            code <<= 1;
        }
    }

    private static int fastEntry(int pattern, int len, int symbol, boolean dc) {
        int run = dc ? 0 : symbol >> 4;
        int size = dc ? symbol : symbol & 15;
        if (size == 0 && !dc) {
            return symbol << 16 | len;
        }
        if (len + size > LOOKAHEAD || size > 15) {
            return symbol << 16 | len;
        }
        int raw = (pattern >> (LOOKAHEAD - len - size)) & ((1 << size) - 1);
        return extend(raw, size) << 16 | run << 9 | FULL | (len + size);
    }

    /** The signed value of {@code size} raw bits, as JPEG codes magnitudes (F.2.2.1). */
    static int extend(int raw, int size) {
        return size == 0 ? 0 : raw < (1 << (size - 1)) ? raw - (1 << size) + 1 : raw;
    }

    /**
     * Decodes a code longer than the lookahead from the top bits of {@code bits}, which must hold
     * at least 16 valid bits. Returns {@code length << 8 | symbol}, or -1 for a code not in the table.
     */
    int decodeLong(long bits) {
        for (int len = LOOKAHEAD + 1; len <= 16; len++) {
            int code = (int) (bits >>> (64 - len));
            if (code <= maxCode[len]) {
                int index = code + valueOffset[len];
                return index < symbols.length ? len << 8 | symbols[index] : -1;
            }
        }
        return -1;
    }
}
