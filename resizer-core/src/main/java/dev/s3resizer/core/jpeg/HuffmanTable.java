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
    /**
     * AC tables only (null for DC): the symbols after the last coefficient a block's IDCT reads
     * need decoding only to find where the block ends, so one lookup of the next
     * {@link #SKIP_BITS} bits passes over as many whole coefficients (code and value bits) as fit
     * there, up to and including an end of block. Layout: {@code SKIP_END | positions << 5 |
     * bits}, positions being the zigzag positions passed (runs plus one each, 16 for a run of
     * zeros); 0 when not even one coefficient fits.
     */
    final int[] skip;
    static final int SKIP_BITS = 12;
    static final int SKIP_SHIFT = 64 - SKIP_BITS;
    static final int SKIP_END = 1 << 13;
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
        skip = dc ? null : skips();
    }

    private int[] skips() {
        int[] table = new int[1 << SKIP_BITS];
        for (int p = 0; p < table.length; p++) {
            int used = 0;
            int positions = 0;
            int entry = 0;
            while (true) {
                int code = symbolWithin(p, used);
                if (code == 0) {
                    break;
                }
                int symbol = code & 255;
                int length = (code >> 8) + (symbol & 15);
                if (used + length > SKIP_BITS) {
                    break;
                }
                used += length;
                if ((symbol & 15) == 0 && symbol != 0xF0) {
                    entry = SKIP_END | positions << 5 | used;
                    break;
                }
                positions += symbol == 0xF0 ? 16 : (symbol >> 4) + 1;
                entry = positions << 5 | used;
            }
            table[p] = entry;
        }
        return table;
    }

    /**
     * The code at bit {@code from} of a {@link #SKIP_BITS}-bit pattern, as {@code length << 8 |
     * symbol}, or 0 when no whole code of this table starts there within the pattern.
     */
    private int symbolWithin(int pattern, int from) {
        for (int len = 1; from + len <= SKIP_BITS && len <= 16; len++) {
            int code = (pattern >> (SKIP_BITS - from - len)) & ((1 << len) - 1);
            if (code <= maxCode[len]) {
                int index = code + valueOffset[len];
                return index < symbols.length ? len << 8 | symbols[index] : 0;
            }
        }
        return 0;
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
                if (size == 0) {
                    // An end of block, or a run without a value (invalid; read as an end, as elsewhere).
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
