package dev.s3resizer.core.jpeg;

/**
 * The coefficients of one MCU row, all components, in per-scale blocks (see
 * {@link ScaledLayout.Plane#coefStride}), and the step that turns them into pixels: one IDCT per
 * block into the assembler's strips. The sequential decoder writes here directly; the progressive
 * path copies each MCU row in from its whole-image store.
 */
final class CoefficientRows {

    final ScaledLayout layout;
    final int[] coef;
    /** Offset of each component's blocks in {@link #coef}; a component's rows are blocksWide blocks each. */
    final int[] planeBase;
    private final Idct idct = new Idct();

    CoefficientRows(ScaledLayout layout) {
        this.layout = layout;
        this.planeBase = new int[layout.planes.length];
        int total = 0;
        for (int i = 0; i < layout.planes.length; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            planeBase[i] = total;
            total += p.component.blocksWide * p.component.v * p.coefStride;
        }
        this.coef = new int[total];
    }

    /** Inverse-transforms every block of the row into the assembler's strips and clears them. */
    void toStrips(RowAssembler assembler) {
        for (int i = 0; i < layout.planes.length; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            byte[] strip = assembler.strip(i);
            int blocks = p.component.blocksWide;
            int w = p.stripWidth;
            int base = planeBase[i];
            for (int by = 0; by < p.component.v; by++) {
                int at = (1 + by * p.idctHeight) * w;
                int c = base + by * blocks * p.coefStride;
                if (p.dcOnly()) {
                    dcRow(p, c, blocks, strip, at);
                } else {
                    transformRow(p, c, blocks, strip, at, w);
                }
            }
        }
    }

    private void dcRow(ScaledLayout.Plane p, int c, int blocks, byte[] strip, int at) {
        int[] k = coef;
        int q0 = p.quant[0];
        int stride = p.coefStride;
        for (int b = 0; b < blocks; b++, c += stride) {
            strip[at + b] = (byte) Idct.clamp(((k[c] * q0 + 4) >> 3) + 128);
            k[c] = 0;
        }
    }

    private void transformRow(ScaledLayout.Plane p, int c, int blocks, byte[] strip, int at, int w) {
        int[] q = p.quant;
        int bw = p.idctWidth;
        int bh = p.idctHeight;
        int stride = p.coefStride;
        int eob = p.eobSlot();
        int[] k = coef;
        boolean full = bw == 8 && bh == 8;
        for (int b = 0; b < blocks; b++, c += stride, at += bw) {
            if (k[c + eob] <= 1) {
                Idct.dcOnly(k, c, q[0], bw, bh, strip, at, w);
            } else if (full) {
                idct.idct8(k, c, q, strip, at, w);
            } else {
                idct.scaled(k, c, q, bw, bh, strip, at, w);
            }
        }
    }
}
