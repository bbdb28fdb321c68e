package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;

/**
 * Geometry of a decode at scale {@code 1/denominator}: the output size and, per component, the
 * IDCT size and the upsampling left over. A subsampled component uses a larger IDCT where it can
 * (4:2:0 chroma at 1/4 is decoded 4x4 per block, like luma's 2x2 covering the same area), so
 * below full size 4:2:0 needs no upsampling at all.
 */
final class ScaledLayout {

    final Frame frame;
    final int denominator;
    /** Output pixels per luma block side: 8, 4, 2 or 1. */
    final int blockSize;
    final int outWidth;
    final int outHeight;
    /** Output rows one MCU row produces. */
    final int rowsPerMcuRow;
    final Plane[] planes;

    ScaledLayout(Frame frame, int denominator) {
        this.frame = frame;
        this.denominator = denominator;
        this.blockSize = 8 / denominator;
        this.outWidth = Frame.ceilDiv(frame.width, denominator);
        this.outHeight = Frame.ceilDiv(frame.height, denominator);
        this.rowsPerMcuRow = frame.maxV * blockSize;
        this.planes = new Plane[frame.components.length];
        for (int i = 0; i < planes.length; i++) {
            planes[i] = new Plane(frame, frame.components[i], blockSize);
        }
    }

    /** The largest reduction (8, 4, 2 or 1) whose output is still at least the size asked for. */
    static int denominatorFor(Frame frame, int minWidth, int minHeight) {
        for (int d = 8; d > 1; d >>= 1) {
            if (Frame.ceilDiv(frame.width, d) >= minWidth && Frame.ceilDiv(frame.height, d) >= minHeight) {
                return d;
            }
        }
        return 1;
    }

    /** Takes the quantisation tables the components name, reduced to each IDCT's size. */
    void useQuantisation(int[][] tables) {
        for (Plane p : planes) {
            int[] table = tables[p.component.quantTable];
            if (table == null) {
                throw new CorruptImageException("JPEG: component " + p.component.id + " uses quantisation table "
                        + p.component.quantTable + ", which is never defined; the file is damaged");
            }
            for (int r = 0; r < p.idctSize; r++) {
                for (int c = 0; c < p.idctSize; c++) {
                    p.quant[r * p.idctSize + c] = table[r * 8 + c];
                }
            }
        }
    }

    /** One component as decoded at this scale. */
    static final class Plane {
        final Frame.Component component;
        /** Pixels per block side after the IDCT: 8, 4, 2 or 1. */
        final int idctSize;
        /** Upsampling still needed after the IDCT, across and down. */
        final int upH;
        final int upV;
        /** Width of a strip (one MCU row of this component), padded to whole MCUs. */
        final int stripWidth;
        /** Rows of a strip. */
        final int stripRows;
        /** Meaningful width and height of this component at this scale. */
        final int width;
        final int height;
        /** Ints per block in a row buffer: n*n coefficients, a sink slot, the end-of-block position. */
        final int coefStride;
        /** Zigzag position (0..79) to slot in the compact block; unneeded positions go to the sink. */
        final int[] slots = new int[80];
        /** Quantisation steps for the compact block, row-major n x n. */
        final int[] quant;

        Plane(Frame frame, Frame.Component c, int blockSize) {
            if (frame.maxH % c.h != 0 || frame.maxV % c.v != 0) {
                throw new UnsupportedJpegException("sampling factors " + c.h + "x" + c.v + " against " + frame.maxH
                        + "x" + frame.maxV + " (not a whole ratio) are not decoded here");
            }
            int rh = frame.maxH / c.h;
            int rv = frame.maxV / c.v;
            int k = 1;
            while (blockSize * k * 2 <= 8 && rh % (k * 2) == 0 && rv % (k * 2) == 0) {
                k *= 2;
            }
            this.component = c;
            this.idctSize = blockSize * k;
            this.upH = rh / k;
            this.upV = rv / k;
            this.stripWidth = c.blocksWide * idctSize;
            this.stripRows = c.v * idctSize;
            this.width = Frame.ceilDiv(frame.width * c.h * idctSize, frame.maxH * 8);
            this.height = Frame.ceilDiv(frame.height * c.v * idctSize, frame.maxV * 8);
            int n = idctSize;
            this.coefStride = n * n + 2;
            this.quant = new int[n * n];
            for (int z = 0; z < slots.length; z++) {
                int natural = z < 64 ? FrameHeaders.NATURAL[z] : -1;
                boolean kept = natural >= 0 && natural / 8 < n && natural % 8 < n;
                slots[z] = kept ? (natural / 8) * n + natural % 8 : n * n;
            }
        }

        /** Slot holding the block's end-of-block zigzag position (1 means DC only). */
        int eobSlot() {
            return coefStride - 1;
        }
    }
}
