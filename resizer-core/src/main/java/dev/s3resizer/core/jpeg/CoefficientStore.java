package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;

/**
 * Whole-image coefficients for images that need several scans before any block is final
 * (progressive, or sequential with one scan per component): 64 shorts per block plus, for
 * progressive files, a 64-bit nonzero mask; only the DC value for components whose blocks
 * become single pixels at this scale. For a 12 MP 4:2:0 photo at 1/1..1/4 that is about 39 MB;
 * at 1/8, where luma keeps only its DC, about 13 MB.
 *
 * <p>A progressive component decoded by a truncated IDCT (3/8, 5/8, ...) keeps only the
 * frequencies that IDCT reads, {@code w x h} of them, plus one sink slot for the rest: refinement
 * needs to know which of the others are nonzero (the mask says so) but never their values. A
 * 12 MP photo at 3/8 then stores 10 shorts per block instead of 64 (about 9 MB in all, masks
 * included), and every scan touches a sixth of the memory.
 */
final class CoefficientStore {

    final ScaledLayout layout;
    final short[][] blocks;
    /**
     * DC values, one per block, for progressive files: DC scans then touch two bytes per block
     * instead of a cache line. The same array as {@link #blocks} where only DC is kept.
     */
    final short[][] dc;
    /**
     * Per block, bit z set when the coefficient at zigzag position z is nonzero: lets AC
     * refinement visit only the coefficients that take a correction bit. Progressive only.
     */
    final long[][] nonzero;
    /** Shorts kept per block for each component: 64, 1 when only DC matters, or a truncated IDCT's window and a sink. */
    final int[] perBlock;
    /** Per component, zigzag position (0..79) to its short in a block: natural order, or window order and the sink. */
    final int[][] slots;
    /** Per component, the kept window's width when {@link #perBlock} is a window and a sink, else 0. */
    private final int[] windowWidth;

    /** Bytes a store for {@code layout} allocates: blocks, masks and DC values, as the constructor does. */
    static long bytes(ScaledLayout layout) {
        long total = 0;
        for (ScaledLayout.Plane p : layout.planes) {
            int kept = perBlock(layout, p);
            long count = (long) p.component.blocksWide * p.component.blocksHigh;
            boolean masks = layout.frame.progressive && kept > 1;
            total += count * (2L * kept + (masks ? 8 + 2 : 0));
        }
        return total;
    }

    /**
     * Refuses, before anything is allocated, a frame whose blocks the file has too few bytes to
     * code: every block of every component costs at least one bit in the first scan that codes it
     * (a Huffman code for its DC difference), so {@code entropyBytes} must hold one bit per block.
     * A 521-byte file claiming a 10000x10000 progressive frame would otherwise take 300 MB of
     * coefficients before its first scan ran out.
     */
    static void checkCoded(Frame frame, long entropyBytes) {
        long blocks = 0;
        for (Frame.Component c : frame.components) {
            blocks += (long) c.usedBlocksWide * c.usedBlocksHigh;
        }
        if (entropyBytes * 8 < blocks) {
            throw new CorruptImageException("JPEG: the frame is " + frame.width + "x" + frame.height + " (" + blocks
                    + " blocks) but the file has only " + entropyBytes + " bytes of image data, less than one bit "
                    + "a block; it is truncated or hostile");
        }
    }

    private static int perBlock(ScaledLayout layout, ScaledLayout.Plane p) {
        return p.dcOnly() ? 1 : layout.frame.progressive && p.matrixWidth != null ? p.idctWidth * p.idctHeight + 1 : 64;
    }

    CoefficientStore(ScaledLayout layout) {
        this.layout = layout;
        int n = layout.planes.length;
        this.blocks = new short[n][];
        this.perBlock = new int[n];
        this.nonzero = new long[n][];
        this.dc = new short[n][];
        this.slots = new int[n][];
        this.windowWidth = new int[n];
        for (int i = 0; i < n; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            boolean window = layout.frame.progressive && p.matrixWidth != null;
            perBlock[i] = perBlock(layout, p);
            slots[i] = window ? windowSlots(p.idctWidth, p.idctHeight) : FrameHeaders.NATURAL;
            windowWidth[i] = window ? p.idctWidth : 0;
            int count = p.component.blocksWide * p.component.blocksHigh;
            blocks[i] = new short[Math.multiplyExact(count, perBlock[i])];
            nonzero[i] = layout.frame.progressive && perBlock[i] > 1 ? new long[count] : null;
            dc[i] = nonzero[i] != null ? new short[count] : blocks[i];
        }
    }

    /** Zigzag position to row-major index in a {@code w x h} window; every other position to the sink, {@code w * h}. */
    private static int[] windowSlots(int w, int h) {
        int[] slots = new int[FrameHeaders.NATURAL.length];
        for (int z = 0; z < slots.length; z++) {
            int natural = z < 64 ? FrameHeaders.NATURAL[z] : 64;
            int v = natural / 8;
            int u = natural % 8;
            slots[z] = natural < 64 && v < h && u < w ? v * w + u : w * h;
        }
        return slots;
    }

    /** Index of block ({@code bx}, {@code by}) of component {@code plane}, in {@link #dc} and {@link #nonzero}. */
    int index(int plane, int bx, int by) {
        return by * layout.planes[plane].component.blocksWide + bx;
    }

    /** Offset of block ({@code bx}, {@code by}) of component {@code plane} in {@link #blocks}. */
    int offset(int plane, int bx, int by) {
        return (by * layout.planes[plane].component.blocksWide + bx) * perBlock[plane];
    }

    /** Copies MCU ({@code mx}, {@code my}) into {@code mcu}, ready for {@link McuBlocks#toStrips}. */
    void copyMcu(int mx, int my, McuBlocks mcu) {
        int[] dst = mcu.coef;
        for (int j = 0; j < mcu.count; j++) {
            int i = mcu.plane[j];
            Frame.Component c = layout.planes[i].component;
            copyBlock(i, index(i, mx * c.h + mcu.column[j], my * c.v + mcu.row[j]), dst, mcu.offset[j]);
        }
    }

    private void copyBlock(int i, int block, int[] dst, int d) {
        short[] src = blocks[i];
        int s = block * perBlock[i];
        if (nonzero[i] != null) {
            int eob = Math.max(1, 64 - Long.numberOfLeadingZeros(nonzero[i][block]));
            int w = windowWidth[i];
            if (w == 3 && perBlock[i] == 10) { // 3/8, the usual scale for a phone photo: the loop below, unrolled
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
                dst[d + 8] = src[s + 3];
                dst[d + 9] = src[s + 4];
                dst[d + 10] = src[s + 5];
                dst[d + 16] = src[s + 6];
                dst[d + 17] = src[s + 7];
                dst[d + 18] = src[s + 8];
            } else if (w > 0) {
                for (int k = 0, v = 0, end = perBlock[i] - 1; k < end; k += w, v += 8) {
                    for (int u = 0; u < w; u++) {
                        dst[d + v + u] = src[s + k + u];
                    }
                }
            } else {
                for (int k = 0, end = FrameHeaders.ROWS[eob] * 8; k < end; k++) {
                    dst[d + k] = src[s + k];
                }
            }
            dst[d] = dc[i][block];
            dst[d + layout.planes[i].eobSlot()] = eob;
            return;
        }
        int ac = 0;
        dst[d] = src[s];
        for (int k = 1; k < perBlock[i]; k++) {
            int v = src[s + k];
            dst[d + k] = v;
            ac |= v;
        }
        dst[d + layout.planes[i].eobSlot()] = ac == 0 ? 1 : 64;
    }
}
