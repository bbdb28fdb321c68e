package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;

/**
 * Geometry of a decode at scale {@code 1/denominator}: the output size and, per component, the
 * IDCT output size and the upsampling left over. A subsampled component uses a larger IDCT where
 * it can (4:2:0 chroma at 1/4 is decoded 4x4 per block, 4:2:2 chroma 4x2), so below full size the
 * usual subsamplings need no upsampling at all; at full size 4:2:0 and 4:2:2 chroma are
 * upsampled as libjpeg does.
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
            System.arraycopy(table, 0, p.quant, 0, p.quant.length);
            if (p.idctWidth == 2 && p.idctHeight == 2) {
                p.weights = ReducedIdct.weights2(p.quant);
            }
        }
    }

    /** One component as decoded at this scale. */
    static final class Plane {
        final Frame.Component component;
        /** Pixels per block across and down after the IDCT: 8, 4, 2 or 1 each. */
        final int idctWidth;
        final int idctHeight;
        /** Upsampling still needed after the IDCT, across and down. */
        final int upH;
        final int upV;
        /**
         * Triangle ("fancy") upsampling, as libjpeg uses at full size for 2x1 and 2x2; at reduced
         * sizes, and for other ratios, samples are repeated, which is what a box filter over
         * ImageIO's full-size decode gives there.
         */
        final boolean fancy;
        /** Width of a strip (one MCU row of this component), padded to whole MCUs. */
        final int stripWidth;
        /** Rows of a strip. */
        final int stripRows;
        /** Meaningful width and height of this component at this scale. */
        final int width;
        final int height;
        /**
         * Ints per block in a row buffer: 64 coefficients in natural order (only the DC when the
         * IDCT is 1x1), a sink slot for coefficients not kept, the end-of-block position.
         */
        final int coefStride;
        /** Zigzag position (0..79) to slot in a block; positions not kept go to the sink. */
        final int[] slots = new int[80];
        /** Quantisation steps in natural order (just the DC step for a 1x1 IDCT). */
        final int[] quant;
        /** For a 2x2 IDCT, quantisation folded with the averaging weights ({@link ReducedIdct#weights2}). */
        int[] weights;

        Plane(Frame frame, Frame.Component c, int blockSize) {
            if (frame.maxH % c.h != 0 || frame.maxV % c.v != 0) {
                throw new UnsupportedJpegException("sampling factors " + c.h + "x" + c.v + " against " + frame.maxH
                        + "x" + frame.maxV + " (not a whole ratio) are not decoded here");
            }
            int wide = blockSize * (frame.maxH / c.h);
            int high = blockSize * (frame.maxV / c.v);
            this.component = c;
            this.idctWidth = Math.min(8, Integer.lowestOneBit(wide));
            this.idctHeight = Math.min(8, Integer.lowestOneBit(high));
            this.upH = wide / idctWidth;
            this.upV = high / idctHeight;
            this.fancy = blockSize == 8 && upH == 2 && upV <= 2;
            this.stripWidth = c.blocksWide * idctWidth;
            this.stripRows = c.v * idctHeight;
            this.width = Frame.ceilDiv(frame.width * c.h * idctWidth, frame.maxH * 8);
            this.height = Frame.ceilDiv(frame.height * c.v * idctHeight, frame.maxV * 8);
            int kept = dcOnly() ? 1 : 64;
            this.coefStride = kept + 2;
            this.quant = new int[kept];
            for (int z = 0; z < slots.length; z++) {
                slots[z] = z < kept ? FrameHeaders.NATURAL[z] : kept;
            }
        }

        /** True when a block becomes one pixel, so only its DC coefficient matters. */
        boolean dcOnly() {
            return idctWidth == 1 && idctHeight == 1;
        }

        /** Slot holding the block's end-of-block zigzag position (1 means DC only). */
        int eobSlot() {
            return coefStride - 1;
        }
    }
}
