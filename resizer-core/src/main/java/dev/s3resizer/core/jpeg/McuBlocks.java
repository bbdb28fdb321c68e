package dev.s3resizer.core.jpeg;

/**
 * The coefficient blocks of one MCU, all components, each {@link ScaledLayout.Plane#coefStride}
 * ints, and the step that turns them into pixels: one IDCT per block into the assembler's strips,
 * right after the MCU is decoded, while its coefficients are still in the L1 cache. The sequential
 * decoder writes here directly; the progressive path copies each MCU in from its store.
 */
final class McuBlocks {

    private static final int DC = 0;
    private static final int FULL = 1;
    private static final int QUARTER = 2;
    private static final int EIGHTH = 3;
    private static final int OTHER = 4;
    private static final int THREE = 5;
    private static final int TRUNCATED = 6;
    private static final int FIVE = 7;
    private static final int SIX = 8;
    private static final int THREE_BY_TWO = 9;
    private static final int TWO_BY_THREE = 10;

    final ScaledLayout layout;
    final int count;
    /** Per block of the MCU: its component, where its coefficients start, its place in the MCU. */
    final int[] plane;
    final int[] offset;
    final int[] column;
    final int[] row;
    final int[] coef;
    /** Per block: which transform, where its pixels go in the strip (for MCU 0) and how far they move per MCU. */
    private final int[] kind;
    private final int[] pixelStart;
    private final int[] pixelStep;
    private final ScaledLayout.Plane[] planes;
    private final Idct idct = new Idct();
    private final ReducedIdct reduced = new ReducedIdct();
    private final int[] work = new int[72];
    private final float[] floatWork = new float[40];

    /** @param order the components in the order their blocks come in the MCU (scan order) */
    McuBlocks(ScaledLayout layout, Frame.Component[] order) {
        this.layout = layout;
        int n = 0;
        for (Frame.Component c : order) {
            n += c.h * c.v;
        }
        this.count = n;
        this.plane = new int[n];
        this.offset = new int[n];
        this.column = new int[n];
        this.row = new int[n];
        this.kind = new int[n];
        this.pixelStart = new int[n];
        this.pixelStep = new int[n];
        this.planes = new ScaledLayout.Plane[n];
        int j = 0;
        int at = 0;
        for (Frame.Component c : order) {
            ScaledLayout.Plane p = layout.planes[c.index];
            for (int by = 0; by < c.v; by++) {
                for (int bx = 0; bx < c.h; bx++, j++) {
                    plane[j] = c.index;
                    planes[j] = p;
                    offset[j] = at;
                    column[j] = bx;
                    row[j] = by;
                    kind[j] = kindOf(p);
                    pixelStart[j] = (1 + by * p.idctHeight) * p.stripWidth + bx * p.idctWidth;
                    pixelStep[j] = c.h * p.idctWidth;
                    at += p.coefStride;
                }
            }
        }
        this.coef = new int[at];
    }

    private static int kindOf(ScaledLayout.Plane p) {
        if (p.dcOnly()) {
            return DC;
        }
        if (p.matrixWidth != null) {
            if (p.idctWidth == p.idctHeight && (p.idctWidth == 5 || p.idctWidth == 6)) {
                return p.idctWidth == 5 ? FIVE : SIX;
            }
            if (p.idctWidth == 3 && p.idctHeight == 2) {
                return THREE_BY_TWO;
            }
            if (p.idctWidth == 2 && p.idctHeight == 3) {
                return TWO_BY_THREE;
            }
            return p.idctWidth == 3 && p.idctHeight == 3 ? THREE : TRUNCATED;
        }
        if (p.idctWidth != p.idctHeight) {
            return OTHER;
        }
        return p.idctWidth == 8 ? FULL : p.idctWidth == 4 ? QUARTER : EIGHTH;
    }

    /** Inverse-transforms the blocks of MCU column {@code mx} into the assembler's strips and clears them. */
    void toStrips(int mx, StripSink assembler) {
        int[] k = coef;
        for (int j = 0; j < count; j++) {
            ScaledLayout.Plane p = planes[j];
            byte[] strip = assembler.strip(plane[j]);
            int at = pixelStart[j] + mx * pixelStep[j];
            int c = offset[j];
            if (kind[j] == DC) {
                strip[at] = (byte) Idct.clamp(((k[c] * p.quant[0] + 4) >> 3) + 128);
                k[c] = 0;
                continue;
            }
            int w = p.stripWidth;
            int eob = Math.min(64, k[c + p.eobSlot()]);
            if (eob <= 1) {
                Idct.dcOnly(k, c, p.quant[0], p.idctWidth, p.idctHeight, strip, at, w);
                continue;
            }
            switch (kind[j]) {
                case FULL -> idct.idct8(k, c, p.quant, strip, at, w);
                case QUARTER -> reduced.idct4(k, c, eob, p.quant, strip, at, w);
                case EIGHTH -> ReducedIdct.idct2(k, c, eob, p.weights, strip, at, w);
                case THREE -> TruncatedIdct.idct3(k, c, p.weights, strip, at, w);
                case FIVE -> TruncatedIdct.idct5(k, c, p.floatWeights, floatWork, strip, at, w);
                case SIX -> TruncatedIdct.idct6(k, c, eob, p.quant, work, strip, at, w);
                case THREE_BY_TWO -> TruncatedIdct.idct3x2(k, c, p.weights, strip, at, w);
                case TWO_BY_THREE -> TruncatedIdct.idct2x3(k, c, p.weights, strip, at, w);
                case TRUNCATED -> TruncatedIdct.idct(k, c, eob, p.quant, p.matrixWidth, p.idctWidth,
                        p.matrixHeight, p.idctHeight, work, strip, at, w);
                default -> reduced.scaled(k, c, eob, p.quant, p.idctWidth, p.idctHeight, strip, at, w);
            }
        }
    }
}
