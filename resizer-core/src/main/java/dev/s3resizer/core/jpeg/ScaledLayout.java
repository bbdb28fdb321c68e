package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;

/**
 * Geometry of a decode at scale {@code M/8} (M of 1 to 8, as libjpeg's DCT scaling): the output
 * size and, per component, the IDCT output size and the upsampling left over.
 *
 * <p>Interleaved output (RGB rows): a subsampled component uses a larger IDCT where it can (4:2:0
 * chroma at 1/4 is decoded 4x4 per block, 4:2:2 chroma 4x2), so below full size the usual
 * subsamplings need no upsampling at all; at full size 4:2:0 and 4:2:2 chroma are upsampled as
 * libjpeg does. Planar output (one plane per component, {@link #planar}): every component is
 * decoded at its own scale and never upsampled, chroma often far smaller than luma.
 */
final class ScaledLayout {

    final Frame frame;
    /** Output pixels per luma block side, M: 1 to 8. */
    final int scale;
    final int outWidth;
    final int outHeight;
    /** Output rows one MCU row produces. */
    final int rowsPerMcuRow;
    final Plane[] planes;

    /** Interleaved output at scale {@code scale/8}. */
    ScaledLayout(Frame frame, int scale) {
        this(frame, scale, false);
    }

    /**
     * Interleaved output at scale {@code scale/8}; with {@code dcOnly} at 1/8, every component
     * keeps only its DC, subsampled chroma repeated instead of decoded by a 2x2 or larger IDCT:
     * for a file of several scans, 2 bytes of coefficients a block instead of up to 138.
     */
    ScaledLayout(Frame frame, int scale, boolean dcOnly) {
        this(frame, scale, new Plane[frame.components.length]);
        for (int i = 0; i < planes.length; i++) {
            Frame.Component c = frame.components[i];
            checkWholeRatio(frame, c);
            int wide = scale * (frame.maxH / c.h);
            int high = scale * (frame.maxV / c.v);
            int w = dcOnly && scale == 1 ? 1 : interleavedIdct(wide);
            int h = dcOnly && scale == 1 ? 1 : interleavedIdct(high);
            planes[i] = new Plane(frame, c, w, h, wide / w, high / h, scale == 8 && wide / w == 2 && high / h <= 2);
        }
    }

    private ScaledLayout(Frame frame, int scale, Plane[] planes) {
        if (scale < 1 || scale > 8) {
            throw new IllegalArgumentException("scale: expected 1-8 (eighths) but got " + scale);
        }
        this.frame = frame;
        this.scale = scale;
        this.outWidth = Frame.ceilDiv(frame.width * scale, 8);
        this.outHeight = Frame.ceilDiv(frame.height * scale, 8);
        this.rowsPerMcuRow = frame.maxV * scale;
        this.planes = planes;
    }

    /**
     * Planar output: component {@code i} decoded with a {@code widths[i] x heights[i]} IDCT per
     * block (1 to 8 each), luma usually at {@code scale} and chroma at whatever its consumer needs.
     * Each plane's own {@link Plane#width} and {@link Plane#height} describe it; {@link #outWidth},
     * {@link #outHeight} and {@link #rowsPerMcuRow}, which the interleaved rows need, follow luma.
     */
    static ScaledLayout planar(Frame frame, int scale, int[] widths, int[] heights) {
        ScaledLayout layout = new ScaledLayout(frame, scale, new Plane[frame.components.length]);
        for (int i = 0; i < widths.length; i++) {
            Frame.Component c = frame.components[i];
            checkWholeRatio(frame, c);
            layout.planes[i] = new Plane(frame, c, widths[i], heights[i], 1, 1, false);
        }
        return layout;
    }

    /**
     * The IDCT size for {@code wide} output pixels per block: the largest whole fraction of it
     * up to 8 (12 becomes 6 upsampled twice), so upsampling, which only repeats samples below
     * full size, has the least to do.
     */
    private static int interleavedIdct(int wide) {
        for (int d = Math.min(8, wide); ; d--) {
            if (wide % d == 0) {
                return d;
            }
        }
    }

    private static void checkWholeRatio(Frame frame, Frame.Component c) {
        if (frame.maxH % c.h != 0 || frame.maxV % c.v != 0) {
            throw new UnsupportedJpegException("sampling factors " + c.h + "x" + c.v + " against " + frame.maxH
                    + "x" + frame.maxV + " (not a whole ratio) are not decoded here");
        }
    }

    /** The largest power-of-two reduction (scale 1, 2, 4 or 8 eighths) whose output is still at least the size asked for. */
    static int powerOfTwoScaleFor(Frame frame, int minWidth, int minHeight) {
        for (int m = 1; m < 8; m <<= 1) {
            if (Frame.ceilDiv(frame.width * m, 8) >= minWidth && Frame.ceilDiv(frame.height * m, 8) >= minHeight) {
                return m;
            }
        }
        return 8;
    }

    /**
     * The smallest scale {@code M/8} at which {@code width x height} samples become at least
     * {@code minWidth x minHeight}. Scales 1/8 and 1/4 turn a block into 1 or 2x2 averages, which
     * alias where finer scales do not, so they count only 3/4 of their size: they are chosen
     * when they leave the resampler a third more reduction to do. 7/8 is never chosen: there is
     * no fast 7-point transform, and 8/8 decodes faster (and sharper).
     */
    static int scaleFor(int width, int height, int minWidth, int minHeight) {
        return scaleFor(width, height, minWidth, minHeight, false);
    }

    /** As {@link #scaleFor(int, int, int, int)}; with {@code lean} 1/8 and 1/4 count at their full size. */
    static int scaleFor(int width, int height, int minWidth, int minHeight, boolean lean) {
        return Math.max(scaleFor(width, minWidth, lean), scaleFor(height, minHeight, lean));
    }

    /** {@link #scaleFor(int, int, int, int)} along one axis. */
    static int scaleFor(int size, int min) {
        return scaleFor(size, min, false);
    }

    /** {@link #scaleFor(int, int, int, int, boolean)} along one axis. */
    static int scaleFor(int size, int min, boolean lean) {
        for (int m = 1; m < 7; m++) {
            long s = Frame.ceilDiv(size * m, 8);
            if ((m <= 2 && !lean ? s * 3 / 4 : s) >= min) {
                return m;
            }
        }
        return 8;
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
            } else if (TruncatedIdct.folds(p.idctWidth, p.idctHeight)) {
                p.weights = TruncatedIdct.weights(p.quant, p.idctWidth, p.idctHeight);
            } else if (p.idctWidth == 5 && p.idctHeight == 5) {
                p.floatWeights = TruncatedIdct.floatWeights(p.quant);
            }
        }
    }

    /** One component as decoded at this scale. */
    static final class Plane {
        final Frame.Component component;
        /** Pixels per block across and down after the IDCT: 1 to 8 each. */
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
        /**
         * Zigzag position (0..79) to slot in a block; positions not kept go to the sink, as do
         * frequencies a truncated IDCT drops, so only the ones it reads (and clears) are written.
         */
        final int[] slots = new int[80];
        /**
         * The last zigzag position the IDCT reads (0 for a 1x1 IDCT, 63 when it reads them all):
         * later coefficients are only passed over, with {@link HuffmanTable#skip}.
         */
        final int lastKept;
        /** Quantisation steps in natural order (just the DC step for a 1x1 IDCT). */
        final int[] quant;
        /**
         * For 2x2, 3x3, 3x2 and 2x3 IDCTs, quantisation folded with the transform's
         * per-frequency factors ({@link ReducedIdct#weights2}, {@link TruncatedIdct#weights}).
         */
        int[] weights;
        /** The same for the 5x5 IDCT, which works in {@code float} ({@link TruncatedIdct#floatWeights}). */
        float[] floatWeights;
        /** For sizes other than powers of two, the per-axis weights of {@link TruncatedIdct#matrix}; else null. */
        final int[] matrixWidth;
        final int[] matrixHeight;

        Plane(Frame frame, Frame.Component c, int idctWidth, int idctHeight, int upH, int upV, boolean fancy) {
            this.component = c;
            this.idctWidth = idctWidth;
            this.idctHeight = idctHeight;
            this.upH = upH;
            this.upV = upV;
            this.fancy = fancy;
            boolean truncated = Integer.bitCount(idctWidth) != 1 || Integer.bitCount(idctHeight) != 1;
            this.matrixWidth = truncated ? TruncatedIdct.matrix(idctWidth) : null;
            this.matrixHeight = truncated ? TruncatedIdct.matrix(idctHeight) : null;
            this.stripWidth = c.blocksWide * idctWidth;
            this.stripRows = c.v * idctHeight;
            this.width = Frame.ceilDiv(frame.width * c.h * idctWidth, frame.maxH * 8);
            this.height = Frame.ceilDiv(frame.height * c.v * idctHeight, frame.maxV * 8);
            int kept = dcOnly() ? 1 : 64;
            this.coefStride = kept + 2;
            this.quant = new int[kept];
            for (int z = 0; z < slots.length; z++) {
                int natural = z < kept ? FrameHeaders.NATURAL[z] : kept;
                boolean outside = truncated && natural < 64 && (natural / 8 >= idctHeight || natural % 8 >= idctWidth);
                slots[z] = outside ? kept : natural;
            }
            int last = 63;
            while (last > 0 && slots[last] == kept) {
                last--;
            }
            this.lastKept = last;
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
