package dev.s3resizer.core.jpeg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The multi-code lookups against a bit-by-bit decode of every lookahead pattern with the
 * canonical codes of Annex C, for both typical AC tables: the two-coefficient lookup
 * ({@link HuffmanTable#pair}: first coefficient, and the second one or an end of block when it
 * fits) and the pass-over lookup ({@link HuffmanTable#skip}: every whole code that fits, up to an
 * end of block).
 */
class HuffmanPairsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"luminance", "chrominance"})
    void everyPairEntryMatchesABitByBitDecode(String which) {
        Codes c = new Codes(which);
        int[] codes = c.codes;
        int[] lengths = c.lengths;
        int[] symbols = c.symbols;
        HuffmanTable table = c.table;
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
            boolean end = second != null && (second[1] & 15) == 0 && second[1] != 0xF0;
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"luminance", "chrominance"})
    void everySkipEntryMatchesABitByBitDecode(String which) {
        Codes c = new Codes(which);
        int bits = HuffmanTable.SKIP_BITS;
        int multiple = 0;
        int ends = 0;
        for (int p = 0; p < 1 << bits; p++) {
            int used = 0;
            int positions = 0;
            int codesPassed = 0;
            boolean end = false;
            while (true) {
                int[] next = decode(p & ((1 << (bits - used)) - 1), bits - used, c.codes, c.lengths, c.symbols);
                if (next == null || next[0] + (next[1] & 15) > bits - used) {
                    break;
                }
                used += next[0] + (next[1] & 15);
                codesPassed++;
                if (next[1] == 0) {
                    end = true;
                    break;
                }
                positions += next[1] == 0xF0 ? 16 : (next[1] >> 4) + 1;
            }
            int e = c.table.skip[p];
            if (codesPassed == 0) {
                assertThat(e).as("pattern %d: nothing fits", p).isZero();
                continue;
            }
            assertThat(e & 31).as("pattern %d bits", p).isEqualTo(used);
            assertThat(e >> 5 & 255).as("pattern %d positions", p).isEqualTo(positions);
            assertThat((e & HuffmanTable.SKIP_END) != 0).as("pattern %d end of block", p).isEqualTo(end);
            assertThat(e >>> 13).as("the end flag is the top bit").isEqualTo(end ? 1 : 0);
            multiple += codesPassed > 2 ? 1 : 0;
            ends += end ? 1 : 0;
        }
        assertThat(multiple).as("entries passing over three codes or more").isPositive();
        assertThat(ends).isPositive();
    }

    /** A standard AC table as codes, and as the decoder prepares it. */
    private static final class Codes {
        final int[] symbols;
        final int[] codes;
        final int[] lengths;
        final HuffmanTable table;

        Codes(String which) {
            JPEGHuffmanTable standard = which.equals("luminance") ? JPEGHuffmanTable.StdACLuminance
                    : JPEGHuffmanTable.StdACChrominance;
            int[] counts = new int[16];
            for (int i = 0; i < 16; i++) {
                counts[i] = standard.getLengths()[i];
            }
            short[] values = standard.getValues();
            symbols = new int[values.length];
            codes = new int[values.length];
            lengths = new int[values.length];
            for (int len = 1, code = 0, k = 0; len <= 16; len++, code <<= 1) {
                for (int i = 0; i < counts[len - 1]; i++, k++, code++) {
                    symbols[k] = values[k] & 0xFF;
                    codes[k] = code;
                    lengths[k] = len;
                }
            }
            table = new HuffmanTable(counts, symbols, false);
        }
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
