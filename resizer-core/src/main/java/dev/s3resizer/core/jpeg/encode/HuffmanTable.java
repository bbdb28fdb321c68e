package dev.s3resizer.core.jpeg.encode;

import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import java.util.Arrays;

/**
 * One Huffman table as a DHT segment holds it (code counts per length 1-16 and symbols in code
 * order) plus the code of each symbol for writing. {@link #optimal} builds the table that is
 * shortest for given symbol counts, limited to 16-bit codes, by the procedure of JPEG Annex K.2
 * (the one libjpeg uses for {@code optimize_coding}).
 *
 * <p>{@code HuffmanTable luma = HuffmanTable.optimal(buffer.frequencies(0));}
 *
 * @param counts  number of codes of each length 1-16, at index length - 1
 * @param symbols symbols in order of increasing code length
 */
record HuffmanTable(int[] counts, int[] symbols) {

    private static final int MAX_DEPTH = 300;

    /** The typical tables of Annex K.3, for comparison with optimised ones. */
    static HuffmanTable standard(int table) {
        JPEGHuffmanTable t = switch (table) {
            case 0 -> JPEGHuffmanTable.StdDCLuminance;
            case 1 -> JPEGHuffmanTable.StdACLuminance;
            case 2 -> JPEGHuffmanTable.StdDCChrominance;
            default -> JPEGHuffmanTable.StdACChrominance;
        };
        int[] counts = new int[16];
        short[] lengths = t.getLengths();
        for (int i = 0; i < 16; i++) {
            counts[i] = lengths[i];
        }
        short[] values = t.getValues();
        int[] symbols = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            symbols[i] = values[i] & 0xFF;
        }
        return new HuffmanTable(counts, symbols);
    }

    /**
     * The optimal length-limited table for 256 symbol frequencies. A reserved extra symbol keeps
     * any code from being all ones, as the standard requires. Symbols that never occur get no code.
     */
    static HuffmanTable optimal(int[] frequencies) {
        int[] codeSize = codeSizes(frequencies);
        int[] bits = new int[MAX_DEPTH + 1];
        for (int s = 0; s <= 256; s++) {
            if (codeSize[s] > 0) {
                bits[codeSize[s]]++;
            }
        }
        limitTo16(bits);
        int[] symbols = new int[256];
        int n = 0;
        for (int length = 1; length <= MAX_DEPTH; length++) {
            for (int s = 0; s < 256; s++) {
                if (codeSize[s] == length) {
                    symbols[n++] = s;
                }
            }
        }
        return new HuffmanTable(Arrays.copyOfRange(bits, 1, 17), Arrays.copyOf(symbols, n));
    }

    /**
     * Codes of all 256 symbols, each {@code length << 16 | code} (0 for symbols without a code),
     * assigned canonically as Annex C does.
     */
    int[] codes() {
        int[] out = new int[256];
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            for (int i = 0; i < counts[length - 1]; i++) {
                out[symbols[k++]] = length << 16 | code++;
            }
            code <<= 1;
        }
        return out;
    }

    /**
     * Huffman's merge of the two rarest nodes, tracking each symbol's depth (K.2, figure K.1).
     * Only symbols that occur take part, so the scans stay short for sparse statistics.
     */
    private static int[] codeSizes(int[] frequencies) {
        long[] freq = new long[257];
        int[] live = new int[257];
        int count = 0;
        for (int s = 0; s < 256; s++) {
            freq[s] = frequencies[s];
            if (frequencies[s] > 0) {
                live[count++] = s;
            }
        }
        freq[256] = 1;
        live[count++] = 256;
        int[] codeSize = new int[257];
        int[] next = new int[257];
        Arrays.fill(next, -1);
        while (count > 1) {
            int i1 = rarest(freq, live, count, -1);
            int i2 = rarest(freq, live, count, i1);
            int c1 = live[i1];
            int c2 = live[i2];
            freq[c1] += freq[c2];
            live[i2] = live[--count];
            deepen(codeSize, next, c1, c2);
        }
        return codeSize;
    }

    /** Joins the chain of {@code c2} to that of {@code c1}, one level deeper. */
    private static void deepen(int[] codeSize, int[] next, int c1, int c2) {
        for (int c = c1; ; c = next[c]) {
            codeSize[c]++;
            if (next[c] < 0) {
                next[c] = c2;
                break;
            }
        }
        for (int c = c2; c >= 0; c = next[c]) {
            codeSize[c]++;
        }
    }

    /**
     * Index in {@code live} of the node with the smallest frequency, other than index
     * {@code skip}; on ties the largest symbol, as libjpeg picks, so the reserved one is deepest.
     */
    private static int rarest(long[] freq, int[] live, int count, int skip) {
        int found = -1;
        for (int i = 0; i < count; i++) {
            if (i == skip) {
                continue;
            }
            int s = live[i];
            if (found < 0 || freq[s] < freq[live[found]] || freq[s] == freq[live[found]] && s > live[found]) {
                found = i;
            }
        }
        return found;
    }

    /** Moves codes longer than 16 bits up the tree (K.2, figure K.3), then drops the reserved code. */
    private static void limitTo16(int[] bits) {
        for (int i = MAX_DEPTH; i > 16; i--) {
            while (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        int i = 16;
        while (bits[i] == 0) {
            i--;
        }
        bits[i]--;
    }
}
