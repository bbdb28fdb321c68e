package dev.s3resizer.core.jpeg;

/**
 * Whole-image coefficients for images that need several scans before any block is final
 * (progressive, or sequential with one scan per component): 64 shorts per block plus, for
 * progressive files, a 64-bit nonzero mask; only the DC value for components whose blocks
 * become single pixels at this scale. For a 12 MP 4:2:0 photo at 1/1..1/4 that is about 39 MB;
 * at 1/8, where luma keeps only its DC, about 13 MB.
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
    /** Coefficients kept per block for each component: 64, or 1 when only DC matters. */
    final int[] perBlock;

    CoefficientStore(ScaledLayout layout) {
        this.layout = layout;
        int n = layout.planes.length;
        this.blocks = new short[n][];
        this.perBlock = new int[n];
        this.nonzero = new long[n][];
        this.dc = new short[n][];
        for (int i = 0; i < n; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            perBlock[i] = p.dcOnly() ? 1 : 64;
            int count = p.component.blocksWide * p.component.blocksHigh;
            blocks[i] = new short[Math.multiplyExact(count, perBlock[i])];
            nonzero[i] = layout.frame.progressive && perBlock[i] == 64 ? new long[count] : null;
            dc[i] = nonzero[i] != null ? new short[count] : blocks[i];
        }
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
            copyBlock(i, offset(i, mx * c.h + mcu.column[j], my * c.v + mcu.row[j]), dst, mcu.offset[j]);
        }
    }

    private void copyBlock(int i, int s, int[] dst, int d) {
        short[] src = blocks[i];
        if (nonzero[i] != null) {
            int eob = Math.max(1, 64 - Long.numberOfLeadingZeros(nonzero[i][s >> 6]));
            for (int k = 0, end = FrameHeaders.ROWS[eob] * 8; k < end; k++) {
                dst[d + k] = src[s + k];
            }
            dst[d] = dc[i][s >> 6];
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
