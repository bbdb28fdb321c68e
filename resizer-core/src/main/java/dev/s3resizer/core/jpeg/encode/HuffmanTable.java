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
        int[] firstOfLength = new int[MAX_DEPTH + 2];
        for (int length = 1; length <= MAX_DEPTH; length++) {
            int reserved = codeSize[256] == length ? 1 : 0;
            firstOfLength[length + 1] = firstOfLength[length] + bits[length] - reserved;
        }
        limitTo16(bits);
        // In order of code length before the limit, then of symbol: a counting sort, not a scan of
        // all 256 symbols for each of the MAX_DEPTH lengths.
        int[] symbols = new int[firstOfLength[MAX_DEPTH + 1]];
        for (int s = 0; s < 256; s++) {
            if (codeSize[s] > 0) {
                symbols[firstOfLength[codeSize[s]]++] = s;
            }
        }
        return new HuffmanTable(Arrays.copyOfRange(bits, 1, 17), symbols);
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
     * Only symbols that occur take part, and the rarest is taken from a heap rather than found by
     * a scan of every node at every merge, as K.2 does (for small images that scan was a sizeable
     * share of the encoding). The heap orders as libjpeg's scan chooses,
     * ties going to the largest symbol so that the reserved one ends deepest, so the code lengths
     * are the same.
     */
    private static int[] codeSizes(int[] frequencies) {
        long[] freq = new long[257];
        long[] heap = new long[257];
        int count = 0;
        for (int s = 0; s < 256; s++) {
            freq[s] = frequencies[s];
            if (frequencies[s] > 0) {
                count = push(heap, count, key(freq[s], s));
            }
        }
        freq[256] = 1;
        count = push(heap, count, key(1, 256));
        int[] codeSize = new int[257];
        int[] next = new int[257];
        Arrays.fill(next, -1);
        while (count > 1) {
            int c1 = symbol(heap[0]);
            count = pop(heap, count);
            int c2 = symbol(heap[0]);
            count = pop(heap, count);
            freq[c1] += freq[c2];
            count = push(heap, count, key(freq[c1], c1));
            deepen(codeSize, next, c1, c2);
        }
        return codeSize;
    }

    /** Heap order: by frequency, then the larger symbol first. */
    private static long key(long frequency, int symbol) {
        return frequency << 9 | 511 - symbol;
    }

    private static int symbol(long key) {
        return 511 - (int) (key & 511);
    }

    /** Adds {@code key} to the min-heap of {@code count} keys; returns the new count. */
    private static int push(long[] heap, int count, long key) {
        int i = count;
        while (i > 0 && heap[(i - 1) / 2] > key) {
            heap[i] = heap[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        heap[i] = key;
        return count + 1;
    }

    /** Removes the smallest key of the min-heap; returns the new count. */
    private static int pop(long[] heap, int count) {
        long last = heap[--count];
        int i = 0;
        while (2 * i + 1 < count) {
            int child = 2 * i + 1;
            if (child + 1 < count && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= last) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return count;
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
     * Moves codes longer than 16 bits up the tree (K.2, figure K.3), then drops the reserved code.
     * {@code bits[length]} counts the codes of each length up to {@link #MAX_DEPTH}.
     */
    static void limitTo16(int[] bits) {
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
