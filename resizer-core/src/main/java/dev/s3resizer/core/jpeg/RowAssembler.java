package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.resample.Simd;

/**
 * Turns decoded MCU rows into output pixel rows. Each component owns two strips (one MCU row of
 * IDCT output each, plus a context row above and below): the decoder fills one while the other,
 * the previous MCU row, waits for its lower neighbour, which 2x2 "fancy" upsampling needs. Each
 * emitted row is upsampled and colour-converted straight into the output, so memory besides the
 * output is a few rows wide.
 */
final class RowAssembler implements StripSink {

    private final ScaledLayout layout;
    private final ColorModel model;
    private final boolean ink;
    private final byte[] out;
    private final int outChannels;
    private byte[][] filling;
    private byte[][] waiting;
    private final byte[][] rowBuffers;
    private final byte[][] rowArrays;
    private final int[] rowOffsets;
    /** CMYK and YCCK to RGB on SIMD lanes, when the Vector API is there; null otherwise. */
    private final InkLanes inkLanes;
    private int mcuRow;

    /**
     * @param ink true to write CMYK/YCCK as 4 ink channels (for an ICC conversion), false for RGB
     */
    RowAssembler(ScaledLayout layout, ColorModel model, boolean ink, byte[] out) {
        this.layout = layout;
        this.model = model;
        this.ink = ink;
        this.out = out;
        this.outChannels = model == ColorModel.GRAY ? 1 : ink ? 4 : 3;
        int n = layout.planes.length;
        this.filling = new byte[n][];
        this.waiting = new byte[n][];
        this.rowBuffers = new byte[n][];
        this.rowArrays = new byte[n][];
        this.rowOffsets = new int[n];
        this.inkLanes = model.components == 4 && !ink && Simd.enabled()
                ? new InkLanes(layout.outWidth, model == ColorModel.YCCK) : null;
        for (int i = 0; i < n; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            int size = p.stripWidth * (p.stripRows + 2);
            filling[i] = new byte[size];
            waiting[i] = new byte[size];
            rowBuffers[i] = new byte[Math.max(p.stripWidth, p.width) * p.upH + 16];
        }
    }

    @Override
    public byte[] strip(int plane) {
        return filling[plane];
    }

    @Override
    public void mcuRowDone() {
        for (int i = 0; i < filling.length; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            int w = p.stripWidth;
            if (mcuRow == 0) {
                System.arraycopy(filling[i], w, filling[i], 0, w);
            } else {
                System.arraycopy(filling[i], w, waiting[i], (p.stripRows + 1) * w, w);
                System.arraycopy(waiting[i], p.stripRows * w, filling[i], 0, w);
            }
        }
        if (mcuRow > 0) {
            emit(mcuRow - 1);
        }
        byte[][] t = waiting;
        waiting = filling;
        filling = t;
        mcuRow++;
    }

    /** Emits the last MCU row. */
    @Override
    public void finish() {
        int last = mcuRow - 1;
        for (int i = 0; i < waiting.length; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            int valid = Math.min(p.stripRows, Math.max(1, p.height - last * p.stripRows));
            int w = p.stripWidth;
            System.arraycopy(waiting[i], valid * w, waiting[i], (valid + 1) * w, w);
        }
        emit(last);
    }

    private void emit(int row) {
        int first = row * layout.rowsPerMcuRow;
        int end = Math.min(layout.outHeight, first + layout.rowsPerMcuRow);
        int width = layout.outWidth;
        for (int y = first; y < end; y++) {
            int local = y - first;
            for (int i = 0; i < waiting.length; i++) {
                upsample(i, local);
            }
            int o = y * width * outChannels;
            byte[][] a = rowArrays;
            int[] at = rowOffsets;
            switch (model) {
                case GRAY -> System.arraycopy(a[0], at[0], out, o, width);
                case YCBCR -> ColorConversion.ycc(a[0], at[0], a[1], at[1], a[2], at[2], out, o, width);
                case RGB -> ColorConversion.interleave(a[0], at[0], a[1], at[1], a[2], at[2], out, o, width);
                case CMYK, YCCK -> {
                    int done = inkLanes == null ? 0
                            : inkLanes.toRgb(a[0], at[0], a[1], at[1], a[2], at[2], a[3], at[3], out, o);
                    ColorConversion.cmyk(a[0], at[0] + done, a[1], at[1] + done, a[2], at[2] + done, a[3],
                            at[3] + done, model == ColorModel.YCCK, ink, out, o + 3 * done, width - done);
                }
            }
        }
    }

    /** Points {@link #rowArrays}/{@link #rowOffsets} at component {@code i}'s samples for output row {@code local}. */
    private void upsample(int i, int local) {
        ScaledLayout.Plane p = layout.planes[i];
        byte[] strip = waiting[i];
        int w = p.stripWidth;
        int source = local / p.upV;
        int at = (source + 1) * w;
        if (p.upH == 1 && p.upV == 1) {
            rowArrays[i] = strip;
            rowOffsets[i] = at;
            return;
        }
        byte[] buffer = rowBuffers[i];
        if (p.fancy && p.upV == 1) {
            Upsampling.h2v1(strip, at, p.width, buffer);
        } else if (p.fancy) {
            int far = (local & 1) == 0 ? at - w : at + w;
            Upsampling.h2v2(strip, at, far, p.width, buffer);
        } else {
            Upsampling.replicate(strip, at, p.upH, buffer, layout.outWidth);
        }
        rowArrays[i] = buffer;
        rowOffsets[i] = 0;
    }
}
