package dev.s3resizer.core.pixels;

/**
 * A colour image as a JPEG stores it: JFIF Y, Cb and Cr (BT.601, full range) in three planes of
 * one channel each, the chroma planes often smaller than the luma one. Each plane knows how many
 * of its samples fall on one source pixel ({@code scale}), so a resampler can map the same source
 * window onto every plane. Chroma sits centred between luma samples, as JFIF says.
 *
 * <p>{@code YccPlanes planes = new YccPlanes(y, cb, cr, 0.375, 0.375, 0.1875, 0.1875);}
 *
 * @param lumaScaleX   luma samples per source pixel, across
 * @param lumaScaleY   luma samples per source pixel, down
 * @param chromaScaleX chroma samples per source pixel, across
 * @param chromaScaleY chroma samples per source pixel, down
 */
public record YccPlanes(Pixels y, Pixels cb, Pixels cr, double lumaScaleX, double lumaScaleY,
                        double chromaScaleX, double chromaScaleY) {

    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        int half = 1 << 15;
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + half) >> 16;
            CB_B[i] = (fix(1.77200) * x + half) >> 16;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + half;
        }
    }

    public YccPlanes {
        if (y.channels() != 1 || cb.channels() != 1 || cr.channels() != 1) {
            throw new IllegalArgumentException("planes: expected one channel each but got " + y.channels() + ", "
                    + cb.channels() + ", " + cr.channels());
        }
        if (cb.width() != cr.width() || cb.height() != cr.height()) {
            throw new IllegalArgumentException("planes: Cb is " + cb.width() + "x" + cb.height() + " but Cr is "
                    + cr.width() + "x" + cr.height());
        }
    }

    private static int fix(double v) {
        return (int) (v * 65536 + 0.5);
    }

    /** Converts {@code count} samples from three plane rows to interleaved RGB at {@code out[o]}, as libjpeg does (16-bit fixed point). */
    public static void toRgb(byte[] y, int yo, byte[] cb, int cbo, byte[] cr, int cro, byte[] out, int o, int count) {
        for (int x = 0; x < count; x++, o += 3) {
            int l = y[yo + x] & 0xFF;
            int b = cb[cbo + x] & 0xFF;
            int r = cr[cro + x] & 0xFF;
            out[o] = clamp(l + CR_R[r]);
            out[o + 1] = clamp(l + ((CB_G[b] + CR_G[r]) >> 16));
            out[o + 2] = clamp(l + CB_B[b]);
        }
    }

    /** R of one sample before clamping (for YCCK, whose first three channels are YCbCr-coded). */
    public static int red(int l, int cr) {
        return l + CR_R[cr];
    }

    /** G of one sample before clamping. */
    public static int green(int l, int cb, int cr) {
        return l + ((CB_G[cb] + CR_G[cr]) >> 16);
    }

    /** B of one sample before clamping. */
    public static int blue(int l, int cb) {
        return l + CB_B[cb];
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
