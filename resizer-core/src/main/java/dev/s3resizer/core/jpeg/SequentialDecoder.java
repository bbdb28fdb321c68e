package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.TimeBudget;

import static dev.s3resizer.core.jpeg.HuffmanTable.FULL;
import static dev.s3resizer.core.jpeg.HuffmanTable.SHIFT;

/**
 * The fast path: a sequential (baseline or extended Huffman) scan that holds every component,
 * decoded MCU by MCU into {@link McuBlocks} and handed on as pixels at once. All bit-reader state
 * lives in local variables of {@link #decode}, which is why it is one long method: the buffer is
 * topped up to at least 56 bits with one unaligned 8-byte load whenever it holds fewer than 32,
 * and one table lookup usually yields a whole coefficient (run, value and length), often two
 * ({@link HuffmanTable#pair}: 9% less time on a 24 MP photo's Huffman decoding). Past the last
 * coefficient the block's IDCT reads, coefficients are only passed over, several per lookup
 * ({@link HuffmanTable#skip}: a 12 MP phone photo decodes 7% faster at 3/8, a 24 MP one 26% at
 * 1/8). Codes longer than the lookahead take {@link HuffmanTable#decodeLong}, kept out of line
 * on purpose: inlined, the rare path makes the JIT's code for the common one worse.
 */
final class SequentialDecoder {

    private SequentialDecoder() {
    }

    /** Decodes {@code scan}, emitting every MCU row through {@code assembler}. */
    static void decode(Scan scan, EntropySegments data, McuBlocks mcu, StripSink assembler,
                       int restartInterval) {
        ScaledLayout layout = mcu.layout;
        Frame frame = layout.frame;
        Blocks blocks = new Blocks(scan, mcu);
        int count = blocks.count;
        int[] comp = blocks.plane;
        int[] start = blocks.start;
        int[][] slots = blocks.slots;
        int[] eobSlot = blocks.eobSlot;
        int[][] dcFast = blocks.dcFast;
        int[][] acFast = blocks.acFast;
        long[][] acPairs = blocks.acPairs;
        int[][] acSkips = blocks.acSkips;
        int[][] acPlain = blocks.acPlain;
        int[] lastKept = blocks.lastKept;
        HuffmanTable[] dcTables = blocks.dcTables;
        HuffmanTable[] acTables = blocks.acTables;
        int[] coef = mcu.coef;
        int[] pred = new int[4];
        byte[] buf = data.bytes;
        int[] segmentStarts = data.starts;
        int segment = 0;
        int segmentEnd = segmentStarts[1];
        int pos = 0;
        long bits = 0;
        int nbits = 0;
        int todo = restartInterval;
        try {
            for (int my = 0; my < frame.mcusY; my++) {
                TimeBudget.check();
                for (int mx = 0; mx < frame.mcusX; mx++) {
                    if ((pos << 3) - nbits > segmentEnd << 3) {
                        throw truncated(my, mx);
                    }
                    if (restartInterval > 0) {
                        if (todo == 0) {
                            if (++segment >= data.count) {
                                throw truncated(my, mx);
                            }
                            pos = segmentStarts[segment];
                            segmentEnd = segmentStarts[segment + 1];
                            bits = 0;
                            nbits = 0;
                            pred[0] = pred[1] = pred[2] = pred[3] = 0;
                            todo = restartInterval;
                        }
                        todo--;
                    }
                    for (int j = 0; j < count; j++) {
                        int base = start[j];
                        bits |= ((long) EntropySegments.LONGS.get(buf, pos)) >>> nbits;
                        pos += (63 - nbits) >>> 3;
                        nbits |= 56;
                        int e = dcFast[j][(int) (bits >>> SHIFT)];
                        int diff;
                        if ((e & FULL) != 0) {
                            diff = e >> 16;
                            int len = e & 31;
                            bits <<= len;
                            nbits -= len;
                        } else {
                            int symbol;
                            int len;
                            if (e != 0) {
                                symbol = e >>> 16;
                                len = e & 31;
                            } else {
                                int r = dcTables[j].decodeLong(bits);
                                if (r < 0) {
                                    throw badCode(my, mx);
                                }
                                symbol = r & 255;
                                len = r >> 8;
                            }
                            bits <<= len;
                            nbits -= len;
                            diff = symbol == 0 ? 0 : HuffmanTable.extend((int) (bits >>> (64 - symbol)), symbol);
                            bits <<= symbol;
                            nbits -= symbol;
                        }
                        int c = comp[j];
                        coef[base] = pred[c] += diff;
                        int[] ac = acFast[j];
                        long[] pairs = acPairs[j];
                        int[] slot = slots[j];
                        int k = 1;
                        int last = lastKept[j];
                        block: {
                            while (k <= last) {
                                if (nbits < 32) {
                                    bits |= ((long) EntropySegments.LONGS.get(buf, pos)) >>> nbits;
                                    pos += (63 - nbits) >>> 3;
                                    nbits |= 56;
                                }
                                int index = (int) (bits >>> SHIFT);
                                long p = pairs[index];
                                if ((p & HuffmanTable.PAIR_FULL) != 0) {
                                    k += (int) (p >> 10) & 15;
                                    coef[base + slot[k]] = (int) (p >> 48);
                                    k++;
                                    int len;
                                    if (k < 64) {
                                        // The second coefficient, if any: run2 and value2 are 0 when there is none,
                                        // so the store writes a zero where a zero already is and k stays.
                                        len = (int) p & 31;
                                        k += (int) (p >> 14) & 15;
                                        coef[base + slot[k]] = (short) (p >> 32);
                                        k += (int) (p >> 19) & 1;
                                    } else {
                                        len = (int) (p >> 5) & 31;
                                    }
                                    bits <<= len;
                                    nbits -= len;
                                    if ((p & HuffmanTable.PAIR_END) != 0) {
                                        break block;
                                    }
                                    continue;
                                }
                                e = ac[index];
                                int rs;
                                int len;
                                if (e != 0) {
                                    rs = e >>> 16;
                                    len = e & 31;
                                } else {
                                    int r = acTables[j].decodeLong(bits);
                                    if (r < 0) {
                                        throw badCode(my, mx);
                                    }
                                    rs = r & 255;
                                    len = r >> 8;
                                }
                                bits <<= len;
                                nbits -= len;
                                int s = rs & 15;
                                if (s == 0) {
                                    if (rs != 0xF0) {
                                        break block;
                                    }
                                    k += 16;
                                    continue;
                                }
                                k += rs >> 4;
                                coef[base + slot[k]] = HuffmanTable.extend((int) (bits >>> (64 - s)), s);
                                bits <<= s;
                                nbits -= s;
                                k++;
                            }
                            // Past the last coefficient the IDCT reads: only find where the block ends.
                            int[] skip = acSkips[j];
                            int[] plain = acPlain[j];
                            while (k < 64) {
                                if (nbits < 32) {
                                    bits |= ((long) EntropySegments.LONGS.get(buf, pos)) >>> nbits;
                                    pos += (63 - nbits) >>> 3;
                                    nbits |= 56;
                                }
                                int sk = skip[(int) (bits >>> HuffmanTable.SKIP_SHIFT)];
                                int next = k + (sk >> 5 & 255);
                                // A block whose last coefficient is at 63 has no end of block: an end
                                // read there would be the next block's first bits.
                                if (sk != 0 && next + (sk >>> 13) <= 64) {
                                    int len = sk & 31;
                                    bits <<= len;
                                    nbits -= len;
                                    k = next;
                                    if ((sk & HuffmanTable.SKIP_END) != 0) {
                                        break;
                                    }
                                    continue;
                                }
                                e = plain[(int) (bits >>> SHIFT)];
                                if (e == 0) {
                                    e = acTables[j].decodeLong(bits);
                                    if (e < 0) {
                                        throw badCode(my, mx);
                                    }
                                }
                                int len = e >> 8;
                                int s = e & 15;
                                bits <<= len;
                                nbits -= len;
                                if (s == 0) {
                                    if ((e & 255) != 0xF0) {
                                        break;
                                    }
                                    k += 16;
                                    continue;
                                }
                                bits <<= s;
                                nbits -= s;
                                k += (e >> 4 & 15) + 1;
                            }
                        }
                        coef[base + eobSlot[j]] = k;
                    }
                    mcu.toStrips(mx, assembler);
                }
                assembler.mcuRowDone();
            }
            if ((pos << 3) - nbits > segmentEnd << 3) {
                throw truncated(frame.mcusY - 1, frame.mcusX - 1);
            }
        } catch (IndexOutOfBoundsException e) {
            throw new CorruptImageException("JPEG: the image data ends early or is damaged (ran past the end of the "
                    + "entropy-coded data); the file is truncated", e);
        }
    }

    static CorruptImageException truncated(int my, int mx) {
        return new CorruptImageException("JPEG: the image data ends early, at MCU row " + my + ", column " + mx
                + "; the file is truncated");
    }

    static CorruptImageException badCode(int my, int mx) {
        return new CorruptImageException("JPEG: invalid Huffman code at MCU row " + my + ", column " + mx
                + "; the image data is damaged");
    }

    /** Per block of an MCU, in scan order: its component, where it goes and which tables decode it. */
    private static final class Blocks {
        int count;
        final int[] plane = new int[10];
        final int[] start = new int[10];
        final int[] eobSlot = new int[10];
        final int[][] slots = new int[10][];
        final int[][] dcFast = new int[10][];
        final int[][] acFast = new int[10][];
        final long[][] acPairs = new long[10][];
        final int[][] acSkips = new int[10][];
        final int[][] acPlain = new int[10][];
        final int[] lastKept = new int[10];
        final HuffmanTable[] dcTables = new HuffmanTable[10];
        final HuffmanTable[] acTables = new HuffmanTable[10];

        Blocks(Scan scan, McuBlocks mcu) {
            for (int i = 0; i < scan.components().length; i++) {
                Frame.Component c = scan.components()[i];
                ScaledLayout.Plane p = mcu.layout.planes[c.index];
                if (scan.dc()[i] == null || scan.ac()[i] == null) {
                    throw new UnsupportedJpegException("a scan uses a Huffman table that is never defined "
                            + "(standard tables implied, as in Motion JPEG) which is not decoded here");
                }
                for (int b = 0; b < c.h * c.v; b++) {
                    if (count == 10) {
                        throw new CorruptImageException("JPEG: an MCU has more than 10 blocks; the file is damaged");
                    }
                    plane[count] = c.index;
                    start[count] = mcu.offset[count];
                    eobSlot[count] = p.eobSlot();
                    slots[count] = p.slots;
                    dcFast[count] = scan.dc()[i].fast;
                    acFast[count] = scan.ac()[i].fast;
                    acPairs[count] = scan.ac()[i].pair;
                    acSkips[count] = scan.ac()[i].skip;
                    acPlain[count] = scan.ac()[i].plain;
                    lastKept[count] = p.lastKept;
                    dcTables[count] = scan.dc()[i];
                    acTables[count] = scan.ac()[i];
                    count++;
                }
            }
        }
    }
}
