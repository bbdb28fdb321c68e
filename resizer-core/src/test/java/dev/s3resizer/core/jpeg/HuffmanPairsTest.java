package dev.s3resizer.core.jpeg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-coefficient lookup ({@link HuffmanTable#pair}) against a bit-by-bit decode of every
 * lookahead pattern with the canonical codes of Annex C, for both typical AC tables: first
 * coefficient, and the second one or an end of block when it fits.
 */
class HuffmanPairsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"luminance", "chrominance"})
    void everyEntryMatchesABitByBitDecode(String which) {
        JPEGHuffmanTable standard = which.equals("luminance") ? JPEGHuffmanTable.StdACLuminance
                : JPEGHuffmanTable.StdACChrominance;
        int[] counts = new int[16];
        for (int i = 0; i < 16; i++) {
            counts[i] = standard.getLengths()[i];
        }
        short[] values = standard.getValues();
        int[] symbols = new int[values.length];
        int[] codes = new int[values.length];
        int[] lengths = new int[values.length];
        for (int len = 1, code = 0, k = 0; len <= 16; len++, code <<= 1) {
            for (int i = 0; i < counts[len - 1]; i++, k++, code++) {
                symbols[k] = values[k] & 0xFF;
                codes[k] = code;
                lengths[k] = len;
            }
        }
        HuffmanTable table = new HuffmanTable(counts, symbols, false);
        int bits = HuffmanTable.LOOKAHEAD;
        int pairs = 0;
        int ends = 0;
        for (int p = 0; p < 1 << bits; p++) {
            long e = table.pair[p];
            int[] first = decode(p, bits, codes, lengths, symbols);
            boolean whole = first != null && first[1] != 0 && first[1] != 0xF0 && first[0] + (first[1] & 15) <= bits;
            assertThat((e & HuffmanTable.PAIR_FULL) != 0).as("pattern %d full", p).isEqualTo(whole);
            if (!whole) {
                continue;
            }
            int size = first[1] & 15;
            int used = first[0] + size;
            assertThat((int) (e >> 10) & 15).as("run").isEqualTo(first[1] >> 4);
            assertThat((int) (e >> 48)).as("value").isEqualTo(HuffmanTable.extend((p >> (bits - used)) & ((1 << size) - 1), size));
            assertThat((int) (e >> 5) & 31).as("first length").isEqualTo(used);
            int rest = bits - used;
            int[] second = decode(p & ((1 << rest) - 1), rest, codes, lengths, symbols);
            boolean end = second != null && second[1] == 0;
            boolean next = second != null && second[1] != 0 && second[1] != 0xF0 && second[0] + (second[1] & 15) <= rest;
            assertThat((e & HuffmanTable.PAIR_END) != 0).as("pattern %d end of block second", p).isEqualTo(end);
            assertThat((e & HuffmanTable.PAIR) != 0).as("pattern %d second coefficient", p).isEqualTo(next);
            if (end) {
                ends++;
                assertThat((int) e & 31).isEqualTo(used + second[0]);
            } else if (next) {
                pairs++;
                int size2 = second[1] & 15;
                int raw = (p >> (rest - second[0] - size2)) & ((1 << size2) - 1);
                assertThat((int) e & 31).isEqualTo(used + second[0] + size2);
                assertThat((int) (e >> 14) & 15).isEqualTo(second[1] >> 4);
                assertThat((int) (short) (e >> 32)).isEqualTo(HuffmanTable.extend(raw, size2));
            } else {
                assertThat((int) e & 31).isEqualTo(used);
                assertThat(e & 0xFFFF_FFFF_0000_0000L & ~(0xFFFFL << 48)).isZero();
                assertThat((int) (e >> 14) & 15).isZero();
            }
        }
        assertThat(pairs).isPositive();
        assertThat(ends).isPositive();
    }

    /** {code length, symbol} of the code at the top of the {@code n} low bits of {@code p}, or null if none fits. */
    private static int[] decode(int p, int n, int[] codes, int[] lengths, int[] symbols) {
        for (int i = 0; i < codes.length; i++) {
            if (lengths[i] <= n && (p >> (n - lengths[i])) == codes[i]) {
                return new int[] {lengths[i], symbols[i]};
            }
        }
        return null;
    }
}
