package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.TimeBudget;

import static dev.s3resizer.core.jpeg.HuffmanTable.FULL;
import static dev.s3resizer.core.jpeg.HuffmanTable.SHIFT;

/**
 * Progressive DC scans (ITU T.81 G.1.2.1): the first pass codes each block's DC difference, the
 * refinements one bit per block. Interleaved scans go MCU by MCU; a scan of one component goes
 * block by block over the blocks that cover the image.
 */
final class DcScans {

    private DcScans() {
    }

    static void decode(Scan scan, EntropySegments data, CoefficientStore store, int interval) {
        Frame frame = store.layout.frame;
        Frame.Component[] comps = scan.components();
        boolean single = comps.length == 1;
        int across = single ? comps[0].usedBlocksWide : frame.mcusX;
        int down = single ? comps[0].usedBlocksHigh : frame.mcusY;
        boolean refine = scan.ah() != 0;
        int al = scan.al();
        int[] pred = new int[4];
        byte[] buf = data.bytes;
        int pos = 0;
        long bits = 0;
        int nbits = 0;
        int segment = 0;
        int todo = interval;
        for (int my = 0; my < down; my++) {
            TimeBudget.check();
            for (int mx = 0; mx < across; mx++) {
                if (interval > 0) {
                    if (todo == 0) {
                        AcScans.checkConsumed(pos, nbits, data.starts[segment + 1]);
                        if (++segment >= data.count) {
                            throw new CorruptImageException("JPEG: a progressive scan has fewer restart intervals "
                                    + "than the image needs; the file is truncated");
                        }
                        pos = data.starts[segment];
                        bits = 0;
                        nbits = 0;
                        pred[0] = pred[1] = pred[2] = pred[3] = 0;
                        todo = interval;
                    }
                    todo--;
                }
                for (int i = 0; i < comps.length; i++) {
                    Frame.Component c = comps[i];
                    short[] b = store.dc[c.index];
                    int h = single ? 1 : c.h;
                    int v = single ? 1 : c.v;
                    for (int by = 0; by < v; by++) {
                        for (int bx = 0; bx < h; bx++) {
                            if (nbits < 32) {
                                bits |= ((long) EntropySegments.LONGS.get(buf, pos)) >>> nbits;
                                pos += (63 - nbits) >>> 3;
                                nbits |= 56;
                            }
                            int off = store.index(c.index, mx * h + bx, my * v + by);
                            if (refine) {
                                if (bits < 0) {
                                    b[off] |= (short) (1 << al);
                                }
                                bits <<= 1;
                                nbits--;
                                continue;
                            }
                            HuffmanTable table = scan.dc()[i];
                            int e = table.fast[(int) (bits >>> SHIFT)];
                            int diff;
                            if ((e & FULL) != 0) {
                                diff = e >> 16;
                                bits <<= e & 31;
                                nbits -= e & 31;
                            } else {
                                int r = e != 0 ? (e & 31) << 8 | e >>> 16 : table.decodeLong(bits);
                                if (r < 0) {
                                    throw new CorruptImageException("JPEG: invalid Huffman code in a DC scan; "
                                            + "the image data is damaged");
                                }
                                int s = r & 255;
                                bits <<= r >> 8;
                                nbits -= r >> 8;
                                diff = s == 0 ? 0 : HuffmanTable.extend((int) (bits >>> (64 - s)), s);
                                bits <<= s;
                                nbits -= s;
                            }
                            pred[c.index] += diff;
                            b[off] = (short) (pred[c.index] * (1 << al));
                        }
                    }
                }
            }
        }
        AcScans.checkConsumed(pos, nbits, data.starts[segment + 1]);
    }
}
