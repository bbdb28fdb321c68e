package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.TimeBudget;

/**
 * Decodes the scans of an image that is not one single sequential scan into a
 * {@link CoefficientStore}: progressive scans through {@link DcScans} and {@link AcScans}, and
 * here the sequential scans of a frame that codes its components in separate scans. AC scans of
 * components that need only DC at the chosen scale are skipped without decoding.
 */
final class ProgressiveDecoder {

    private final CoefficientStore store;
    private byte[] buf;
    private int pos;
    private long bits;
    private int nbits;
    private final int[] pred = new int[4];
    private int segment;
    private int segmentEnd;

    ProgressiveDecoder(CoefficientStore store) {
        this.store = store;
    }

    /** True when nothing this scan codes is needed at the chosen scale. */
    boolean skippable(Scan scan) {
        return scan.ss() > 0 && store.perBlock[scan.components()[0].index] == 1;
    }

    void decode(Scan scan, EntropySegments data, int restartInterval) {
        for (int i = 0; i < scan.components().length; i++) {
            if ((scan.ss() == 0 && scan.ah() == 0 && scan.dc()[i] == null)
                    || (scan.se() > 0 && scan.ac()[i] == null)) {
                throw new UnsupportedJpegException(
                        "a scan uses a Huffman table that is never defined, which is not decoded here");
            }
        }
        try {
            if (!store.layout.frame.progressive) {
                sequentialScan(scan, data, restartInterval);
            } else if (scan.ss() == 0) {
                DcScans.decode(scan, data, store, restartInterval);
            } else if (scan.ah() == 0) {
                AcScans.first(scan, data, store, restartInterval);
            } else {
                AcScans.refine(scan, data, store, restartInterval);
            }
        } catch (IndexOutOfBoundsException e) {
            throw new CorruptImageException("JPEG: the image data of a scan ends early or is damaged; "
                    + "the file is truncated", e);
        }
    }

    private void sequentialScan(Scan scan, EntropySegments data, int restartInterval) {
        buf = data.bytes;
        pos = 0;
        bits = 0;
        nbits = 0;
        segment = 0;
        segmentEnd = data.starts[1];
        java.util.Arrays.fill(pred, 0);
        if (scan.interleaved()) {
            interleaved(scan, data, restartInterval);
        } else {
            single(scan, data, restartInterval);
        }
        checkConsumed();
    }

    private void interleaved(Scan scan, EntropySegments data, int restartInterval) {
        Frame frame = store.layout.frame;
        int todo = restartInterval;
        for (int my = 0; my < frame.mcusY; my++) {
            TimeBudget.check();
            for (int mx = 0; mx < frame.mcusX; mx++) {
                todo = restart(data, restartInterval, todo);
                for (int i = 0; i < scan.components().length; i++) {
                    Frame.Component c = scan.components()[i];
                    for (int by = 0; by < c.v; by++) {
                        for (int bx = 0; bx < c.h; bx++) {
                            int off = store.offset(c.index, mx * c.h + bx, my * c.v + by);
                            block(scan, i, store.blocks[c.index], off);
                        }
                    }
                }
            }
        }
    }

    private void single(Scan scan, EntropySegments data, int restartInterval) {
        Frame.Component c = scan.components()[0];
        short[] blocks = store.blocks[c.index];
        int todo = restartInterval;
        for (int by = 0; by < c.usedBlocksHigh; by++) {
            TimeBudget.check();
            for (int bx = 0; bx < c.usedBlocksWide; bx++) {
                todo = restart(data, restartInterval, todo);
                block(scan, 0, blocks, store.offset(c.index, bx, by));
            }
        }
    }

    private int restart(EntropySegments data, int interval, int todo) {
        if (interval == 0) {
            return 0;
        }
        if (todo == 0) {
            checkConsumed();
            if (++segment >= data.count) {
                throw new CorruptImageException("JPEG: a scan has fewer restart intervals than the image needs; "
                        + "the file is truncated");
            }
            pos = data.starts[segment];
            segmentEnd = data.starts[segment + 1];
            bits = 0;
            nbits = 0;
            java.util.Arrays.fill(pred, 0);
            todo = interval;
        }
        return todo - 1;
    }

    private void checkConsumed() {
        if ((long) pos * 8 - nbits > (long) segmentEnd * 8) {
            throw new CorruptImageException("JPEG: the image data of a scan ends early; the file is truncated");
        }
    }

    private void block(Scan scan, int i, short[] b, int off) {
        sequential(scan, i, scan.components()[i].index, b, off);
    }

    private void sequential(Scan scan, int i, int plane, short[] b, int off) {
        int s = symbol(scan.dc()[i]);
        pred[plane] += s == 0 ? 0 : HuffmanTable.extend(take(s), s);
        b[off] = (short) pred[plane];
        boolean keep = store.perBlock[plane] == 64;
        HuffmanTable ac = scan.ac()[i];
        for (int k = 1; k < 64; k++) {
            int rs = symbol(ac);
            s = rs & 15;
            if (s == 0) {
                if (rs != 0xF0) {
                    return;
                }
                k += 15;
                continue;
            }
            k += rs >> 4;
            int v = HuffmanTable.extend(take(s), s);
            if (keep) {
                b[off + FrameHeaders.NATURAL[k]] = (short) v;
            }
        }
    }

    private void refill() {
        bits |= ((long) EntropySegments.LONGS.get(buf, pos)) >>> nbits;
        pos += (63 - nbits) >>> 3;
        nbits |= 56;
    }

    private int symbol(HuffmanTable table) {
        refill();
        int e = table.plain[(int) (bits >>> HuffmanTable.SHIFT)];
        if (e == 0) {
            e = table.decodeLong(bits);
            if (e < 0) {
                throw new CorruptImageException("JPEG: invalid Huffman code in a scan; the image data is damaged");
            }
        }
        int len = e >> 8;
        bits <<= len;
        nbits -= len;
        return e & 255;
    }

    /** The next {@code n} (1..16) raw bits; a preceding {@link #symbol} refilled the buffer. */
    private int take(int n) {
        if (nbits < n) {
            refill();
        }
        int v = (int) (bits >>> (64 - n));
        bits <<= n;
        nbits -= n;
        return v;
    }
}
