package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.TimeBudget;

import static dev.s3resizer.core.jpeg.HuffmanTable.FULL;
import static dev.s3resizer.core.jpeg.HuffmanTable.SHIFT;

/**
 * The two progressive AC scan kinds (ITU T.81 G.1.2.2 and G.1.2.3), which carry most of a
 * progressive file's bits. Like {@link SequentialDecoder}, each keeps the bit reader in local
 * variables for a whole scan; AC scans always code one component, block by block.
 */
final class AcScans {

    private AcScans() {
    }

    /** First pass over a spectral band: values shifted up by {@code al}, with end-of-band runs. */
    static void first(Scan scan, EntropySegments data, CoefficientStore store, int interval) {
        Frame.Component comp = scan.components()[0];
        short[] b = store.blocks[comp.index];
        long[] masks = store.nonzero[comp.index];
        int[] slot = store.slots[comp.index];
        int perBlock = store.perBlock[comp.index];
        HuffmanTable table = scan.ac()[0];
        int[] fast = table.fast;
        int ss = scan.ss();
        int se = scan.se();
        int al = scan.al();
        byte[] buf = data.bytes;
        int pos = 0;
        long bits = 0;
        int nbits = 0;
        int eobRun = 0;
        int segment = 0;
        int todo = interval;
        for (int by = 0; by < comp.usedBlocksHigh; by++) {
            TimeBudget.check();
            for (int bx = 0; bx < comp.usedBlocksWide; bx++) {
                if (interval > 0) {
                    if (todo == 0) {
                        checkConsumed(pos, nbits, data.starts[segment + 1]);
                        pos = nextSegment(data, ++segment);
                        bits = 0;
                        nbits = 0;
                        eobRun = 0;
                        todo = interval;
                    }
                    todo--;
                }
                if (eobRun > 0) {
                    eobRun--;
                    continue;
                }
                int block = store.index(comp.index, bx, by);
                int off = block * perBlock;
                long mask = 0;
                for (int k = ss; k <= se; k++) {
                    if (nbits < 32) {
                        bits |= ((long) EntropySegments.LONGS.get(buf, pos)) >>> nbits;
                        pos += (63 - nbits) >>> 3;
                        nbits |= 56;
                    }
                    int e = fast[(int) (bits >>> SHIFT)];
                    if ((e & FULL) != 0) {
                        k += (e >> 9) & 15;
                        b[off + slot[k]] = (short) ((e >> 16) * (1 << al));
                        mask |= 1L << k;
                        int len = e & 31;
                        bits <<= len;
                        nbits -= len;
                        continue;
                    }
                    int rs = symbol(table.plain[(int) (bits >>> SHIFT)], table, bits);
                    int len = rs >> 8;
                    bits <<= len;
                    nbits -= len;
                    int r = rs >> 4 & 15;
                    int s = rs & 15;
                    if (s != 0) {
                        k += r;
                        b[off + slot[k]] = (short) (HuffmanTable.extend((int) (bits >>> (64 - s)), s) * (1 << al));
                        mask |= 1L << k;
                        bits <<= s;
                        nbits -= s;
                    } else if (r < 15) {
                        eobRun = (1 << r) - 1;
                        if (r > 0) {
                            eobRun += (int) (bits >>> (64 - r));
                            bits <<= r;
                            nbits -= r;
                        }
                        break;
                    } else {
                        k += 15;
                    }
                }
                masks[block] |= mask;
            }
        }
        checkConsumed(pos, nbits, data.starts[segment + 1]);
    }

    /**
     * Refinement of a band: one correction bit for every coefficient already nonzero, and new
     * coefficients of magnitude {@code 1 << al} placed among the zero ones.
     */
    static void refine(Scan scan, EntropySegments data, CoefficientStore store, int interval) {
        Frame.Component comp = scan.components()[0];
        short[] b = store.blocks[comp.index];
        long[] masks = store.nonzero[comp.index];
        int[] slot = store.slots[comp.index];
        int perBlock = store.perBlock[comp.index];
        HuffmanTable table = scan.ac()[0];
        int[] plain = table.plain;
        int ss = scan.ss();
        int se = scan.se();
        int plus = 1 << scan.al();
        int minus = -1 << scan.al();
        long band = -1L >>> (63 - scan.se());
        byte[] buf = data.bytes;
        int pos = 0;
        long bits = 0;
        int nbits = 0;
        int eobRun = 0;
        int segment = 0;
        int todo = interval;
        for (int by = 0; by < comp.usedBlocksHigh; by++) {
            TimeBudget.check();
            for (int bx = 0; bx < comp.usedBlocksWide; bx++) {
                if (interval > 0) {
                    if (todo == 0) {
                        checkConsumed(pos, nbits, data.starts[segment + 1]);
                        pos = nextSegment(data, ++segment);
                        bits = 0;
                        nbits = 0;
                        eobRun = 0;
                        todo = interval;
                    }
                    todo--;
                }
                int block = store.index(comp.index, bx, by);
                int off = block * perBlock;
                long nonzero = masks[block];
                int k = ss;
                while (true) {
                    long refined;
                    int next;
                    int value = 0;
                    if (eobRun > 0) {
                        refined = nonzero & band & (-1L << k);
                        next = se + 1;
                        eobRun--;
                    } else {
                        if (nbits < 32) {
                            bits |= ((long) EntropySegments.LONGS.get(buf, pos)) >>> nbits;
                            pos += (63 - nbits) >>> 3;
                            nbits |= 56;
                        }
                        int rs = symbol(plain[(int) (bits >>> SHIFT)], table, bits);
                        int len = rs >> 8;
                        bits <<= len;
                        nbits -= len;
                        int r = rs >> 4 & 15;
                        if ((rs & 15) != 0) {
                            value = bits < 0 ? plus : minus;
                            bits <<= 1;
                            nbits--;
                        } else if (r != 15) {
                            eobRun = 1 << r;
                            if (r > 0) {
                                eobRun += (int) (bits >>> (64 - r));
                                bits <<= r;
                                nbits -= r;
                            }
                            continue;
                        }
                        long zeros = ~nonzero & band & (-1L << k);
                        next = Long.bitCount(zeros) > r ? Long.numberOfTrailingZeros(Long.expand(1L << r, zeros)) : se + 1;
                        refined = nonzero & (-1L << k) & (-1L >>> (64 - next));
                    }
                    while (refined != 0) {
                        int at = off + slot[Long.numberOfTrailingZeros(refined)];
                        refined &= refined - 1;
                        if (nbits < 1) {
                            bits |= ((long) EntropySegments.LONGS.get(buf, pos)) >>> nbits;
                            pos += (63 - nbits) >>> 3;
                            nbits |= 56;
                        }
                        int coef = b[at];
                        if (bits < 0 && (coef & plus) == 0) {
                            b[at] = (short) (coef + (coef >= 0 ? plus : minus));
                        }
                        bits <<= 1;
                        nbits--;
                    }
                    if (next <= se && value != 0) {
                        b[off + slot[next]] = (short) value;
                        nonzero |= 1L << next;
                    }
                    k = next + 1;
                    if (k > se) {
                        break;
                    }
                }
                masks[block] = nonzero;
            }
        }
        checkConsumed(pos, nbits, data.starts[segment + 1]);
    }

    /** {@code length << 8 | symbol}: the lookup entry, or the long-code walk when the entry is empty. */
    private static int symbol(int plainEntry, HuffmanTable table, long bits) {
        if (plainEntry != 0) {
            return plainEntry;
        }
        int e = table.decodeLong(bits);
        if (e < 0) {
            throw new CorruptImageException("JPEG: invalid Huffman code in a progressive scan; "
                    + "the image data is damaged");
        }
        return e;
    }

    private static int nextSegment(EntropySegments data, int segment) {
        if (segment >= data.count) {
            throw new CorruptImageException("JPEG: a progressive scan has fewer restart intervals than the image "
                    + "needs; the file is truncated");
        }
        return data.starts[segment];
    }

    static void checkConsumed(int pos, int nbits, int end) {
        if ((long) pos * 8 - nbits > (long) end * 8) {
            throw new CorruptImageException("JPEG: the image data of a scan ends early; the file is truncated");
        }
    }
}
