package dev.s3resizer.core.jpeg.encode;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class HuffmanTableTest {

    @Test
    void skewedCountsAreLimitedTo16BitCodes() {
        int[] freq = new int[256];
        int a = 1;
        int b = 1;
        for (int s = 0; s < 40; s++) {
            freq[s] = a;
            int next = Math.min(a + b, 1 << 29);
            a = b;
            b = next;
        }
        HuffmanTable table = HuffmanTable.optimal(freq);
        assertThat(table.counts()).hasSize(16);
        assertThat(table.symbols()).hasSize(40);
        assertValidPrefixCode(table);
    }

    @Test
    void everyUsedSymbolGetsACodeAndFrequentOnesShorterCodes() {
        int[] freq = new int[256];
        freq[0x00] = 5000;
        freq[0x01] = 3000;
        freq[0x11] = 40;
        freq[0xF0] = 3;
        freq[0xA7] = 1;
        HuffmanTable table = HuffmanTable.optimal(freq);
        int[] codes = table.codes();
        assertThat(table.symbols()).containsExactlyInAnyOrder(0x00, 0x01, 0x11, 0xF0, 0xA7);
        assertThat(codes[0x00] >>> 16).isLessThanOrEqualTo(codes[0x11] >>> 16);
        assertThat(codes[0x11] >>> 16).isLessThanOrEqualTo(codes[0xA7] >>> 16);
        assertThat(codes[0x42]).isZero();
        assertValidPrefixCode(table);
    }

    @Test
    void aSingleSymbolGetsAOneBitCodeThatIsNotAllOnes() {
        int[] freq = new int[256];
        freq[0] = 100;
        HuffmanTable table = HuffmanTable.optimal(freq);
        assertThat(table.codes()[0]).isEqualTo(1 << 16);
    }

    @Test
    void optimalIsNeverLongerThanTheStandardTable() {
        int[] freq = new int[256];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            int size = Math.min(10, (int) Math.abs(random.nextGaussian() * 3) + 1);
            int run = Math.min(15, (int) Math.abs(random.nextGaussian() * 4));
            freq[run << 4 | size]++;
        }
        freq[0] = 3000;
        assertThat(bits(HuffmanTable.optimal(freq), freq)).isLessThanOrEqualTo(bits(HuffmanTable.standard(1), freq));
    }

    /**
     * The same table as libjpeg's jpeg_gen_optimal_table (JPEG K.2 as written: a scan for the two
     * rarest nodes at every merge, ties to the larger symbol), on counts with many ties, sparse and
     * dense: the heap must give the same code lengths and order, so the same files.
     */
    @Test
    void sameTableAsTheScanningProcedureOfK2() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            int[] freq = new int[256];
            int used = 1 + random.nextInt(256);
            int spread = 1 + random.nextInt(round % 3 == 0 ? 4 : 100_000);
            for (int i = 0; i < used; i++) {
                freq[random.nextInt(256)] = 1 + random.nextInt(spread);
            }
            HuffmanTable table = HuffmanTable.optimal(freq);
            HuffmanTable reference = scanningK2(freq);
            assertThat(table.counts()).as("round %d", round).containsExactly(reference.counts());
            assertThat(table.symbols()).as("round %d", round).containsExactly(reference.symbols());
        }
    }

    /**
     * Figures K.1 and K.4 as libjpeg codes them (the rarest nodes found by scanning), with 300
     * code lengths allowed before the limit; the limit itself (K.3) is the table's own.
     */
    private static HuffmanTable scanningK2(int[] frequencies) {
        long[] freq = new long[257];
        for (int s = 0; s < 256; s++) {
            freq[s] = frequencies[s];
        }
        freq[256] = 1;
        int[] size = new int[257];
        int[] others = new int[257];
        Arrays.fill(others, -1);
        while (true) {
            int c1 = -1;
            int c2 = -1;
            for (int i = 0; i <= 256; i++) {
                if (freq[i] > 0 && (c1 < 0 || freq[i] <= freq[c1])) {
                    c1 = i;
                }
            }
            for (int i = 0; i <= 256; i++) {
                if (freq[i] > 0 && i != c1 && (c2 < 0 || freq[i] <= freq[c2])) {
                    c2 = i;
                }
            }
            if (c2 < 0) {
                break;
            }
            freq[c1] += freq[c2];
            freq[c2] = 0;
            size[c1]++;
            while (others[c1] >= 0) {
                c1 = others[c1];
                size[c1]++;
            }
            others[c1] = c2;
            size[c2]++;
            while (others[c2] >= 0) {
                c2 = others[c2];
                size[c2]++;
            }
        }
        int[] bits = new int[301];
        for (int s = 0; s <= 256; s++) {
            if (size[s] > 0) {
                bits[size[s]]++;
            }
        }
        HuffmanTable.limitTo16(bits);
        int[] symbols = new int[256];
        int n = 0;
        for (int length = 1; length <= 300; length++) {
            for (int s = 0; s < 256; s++) {
                if (size[s] == length) {
                    symbols[n++] = s;
                }
            }
        }
        return new HuffmanTable(Arrays.copyOfRange(bits, 1, 17), Arrays.copyOf(symbols, n));
    }

    private static long bits(HuffmanTable table, int[] freq) {
        int[] codes = table.codes();
        long total = 0;
        for (int s = 0; s < 256; s++) {
            total += (long) freq[s] * (codes[s] >>> 16);
        }
        return total;
    }

    /** Kraft sum below 1 (so no code is all ones) and no code is a prefix of another. */
    private static void assertValidPrefixCode(HuffmanTable table) {
        double kraft = 0;
        for (int length = 1; length <= 16; length++) {
            kraft += table.counts()[length - 1] / Math.pow(2, length);
        }
        assertThat(kraft).isLessThan(1.0);
        assertThat(Arrays.stream(table.counts()).sum()).isEqualTo(table.symbols().length);
        int[] codes = table.codes();
        for (int s : table.symbols()) {
            for (int t : table.symbols()) {
                int ls = codes[s] >>> 16;
                int lt = codes[t] >>> 16;
                if (s != t && ls <= lt) {
                    assertThat((codes[t] & 0xFFFF) >>> (lt - ls)).as("prefix").isNotEqualTo(codes[s] & 0xFFFF);
                }
            }
            assertThat(codes[s] >>> 16).isBetween(1, 16);
        }
    }
}
