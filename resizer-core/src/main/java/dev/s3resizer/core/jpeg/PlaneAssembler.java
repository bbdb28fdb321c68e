package dev.s3resizer.core.jpeg;

/**
 * Copies each MCU row of IDCT output into one plane per component, at the component's own
 * scale: no upsampling, no colour conversion. What the resizer wants from a YCbCr JPEG, because
 * resampling Y, Cb and Cr separately and converting at the output size (or never, when the output
 * is a JPEG again) costs a fraction of converting every decoded pixel.
 */
final class PlaneAssembler implements StripSink {

    private final ScaledLayout layout;
    private final byte[][] strips;
    private final byte[][] planes;
    private int mcuRow;

    /** @param buffers where the planes come from: every byte of them is written before they are read */
    PlaneAssembler(ScaledLayout layout, PlaneBuffers buffers) {
        this.layout = layout;
        int n = layout.planes.length;
        this.strips = new byte[n][];
        this.planes = new byte[n][];
        for (int i = 0; i < n; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            strips[i] = new byte[p.stripWidth * (p.stripRows + 2)];
            planes[i] = buffers.take(Math.multiplyExact(p.width, p.height));
        }
    }

    /** The samples of component {@code i}, {@code planes[i].width} per row, {@code planes[i].height} rows. */
    byte[] plane(int i) {
        return planes[i];
    }

    @Override
    public byte[] strip(int plane) {
        return strips[plane];
    }

    @Override
    public void mcuRowDone() {
        for (int i = 0; i < strips.length; i++) {
            ScaledLayout.Plane p = layout.planes[i];
            int first = mcuRow * p.stripRows;
            int rows = Math.min(p.stripRows, p.height - first);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(strips[i], (r + 1) * p.stripWidth, planes[i], (first + r) * p.width, p.width);
            }
        }
        mcuRow++;
    }

    @Override
    public void finish() {
        // every row went out with its MCU row
    }
}
