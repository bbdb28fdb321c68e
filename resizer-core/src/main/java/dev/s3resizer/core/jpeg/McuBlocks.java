package dev.s3resizer.core.jpeg;

/**
 * The coefficient blocks of one MCU, all components, each {@link ScaledLayout.Plane#coefStride}
 * ints, and the step that turns them into pixels: one IDCT per block into the assembler's strips,
 * right after the MCU is decoded, while its coefficients are still in the L1 cache. The sequential
 * decoder writes here directly; the progressive path copies each MCU in from its store.
 */
final class McuBlocks {

    final ScaledLayout layout;
    final int count;
    /** Per block of the MCU: its component, where its coefficients start, its place in the MCU. */
    final int[] plane;
    final int[] offset;
    final int[] column;
    final int[] row;
    final int[] coef;
    private final Idct idct = new Idct();

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
        int j = 0;
        int at = 0;
        for (Frame.Component c : order) {
            for (int by = 0; by < c.v; by++) {
                for (int bx = 0; bx < c.h; bx++, j++) {
                    plane[j] = c.index;
                    offset[j] = at;
                    column[j] = bx;
                    row[j] = by;
                    at += layout.planes[c.index].coefStride;
                }
            }
        }
        this.coef = new int[at];
    }

    /** Inverse-transforms the blocks of MCU column {@code mx} into the assembler's strips and clears them. */
    void toStrips(int mx, RowAssembler assembler) {
        int[] k = coef;
        for (int j = 0; j < count; j++) {
            ScaledLayout.Plane p = layout.planes[plane[j]];
            int w = p.stripWidth;
            int bw = p.idctWidth;
            int bh = p.idctHeight;
            byte[] strip = assembler.strip(plane[j]);
            int at = (1 + row[j] * bh) * w + (mx * p.component.h + column[j]) * bw;
            int c = offset[j];
            if (p.dcOnly()) {
                strip[at] = (byte) Idct.clamp(((k[c] * p.quant[0] + 4) >> 3) + 128);
                k[c] = 0;
                continue;
            }
            int eob = Math.min(64, k[c + p.eobSlot()]);
            if (eob <= 1) {
                Idct.dcOnly(k, c, p.quant[0], bw, bh, strip, at, w);
            } else if (bw != bh) {
                idct.scaled(k, c, p.quant, bw, bh, strip, at, w);
            } else if (bw == 8) {
                idct.idct8(k, c, p.quant, strip, at, w);
            } else if (bw == 4) {
                idct.idct4(k, c, eob, p.quant, strip, at, w);
            } else {
                Idct.idct2(k, c, eob, p.weights, strip, at, w);
            }
        }
    }
}
