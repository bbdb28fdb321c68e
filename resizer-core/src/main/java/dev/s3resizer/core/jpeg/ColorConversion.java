package dev.s3resizer.core.jpeg;

/**
 * Row conversions to interleaved output: JFIF YCbCr to RGB with libjpeg's 16-bit fixed-point
 * tables, plain RGB interleaving, and Adobe CMYK/YCCK (stored inverted: 255 means no ink) either
 * to RGB by the naive formula or to ink values for an ICC conversion afterwards.
 */
final class ColorConversion {

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

    private ColorConversion() {
    }

    private static int fix(double v) {
        return (int) (v * 65536 + 0.5);
    }

    static void ycc(byte[] y, int yo, byte[] cb, int cbo, byte[] cr, int cro, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++, o += 3) {
            int l = y[yo + x] & 0xFF;
            int b = cb[cbo + x] & 0xFF;
            int r = cr[cro + x] & 0xFF;
            out[o] = (byte) Idct.clamp(l + CR_R[r]);
            out[o + 1] = (byte) Idct.clamp(l + ((CB_G[b] + CR_G[r]) >> 16));
            out[o + 2] = (byte) Idct.clamp(l + CB_B[b]);
        }
    }

    static void interleave(byte[] a, int ao, byte[] b, int bo, byte[] c, int co, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++, o += 3) {
            out[o] = a[ao + x];
            out[o + 1] = b[bo + x];
            out[o + 2] = c[co + x];
        }
    }

    /**
     * Inverted CMYK (or YCCK when {@code ycck}) to RGB ({@code ink} false) or to ink amounts
     * C, M, Y, K with 0 meaning none, as ICC CMYK profiles expect ({@code ink} true).
     */
    static void cmyk(byte[] c0, int o0, byte[] c1, int o1, byte[] c2, int o2, byte[] c3, int o3,
                     boolean ycck, boolean ink, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++) {
            int c = c0[o0 + x] & 0xFF;
            int m = c1[o1 + x] & 0xFF;
            int yy = c2[o2 + x] & 0xFF;
            int k = c3[o3 + x] & 0xFF;
            if (ycck) {
                int l = c;
                c = 255 - Idct.clamp(l + CR_R[yy]);
                m = 255 - Idct.clamp(l + ((CB_G[m] + CR_G[yy]) >> 16));
                yy = 255 - Idct.clamp(l + CB_B[c1[o1 + x] & 0xFF]);
            }
            if (ink) {
                out[o++] = (byte) (255 - c);
                out[o++] = (byte) (255 - m);
                out[o++] = (byte) (255 - yy);
                out[o++] = (byte) (255 - k);
            } else {
                out[o++] = (byte) ((c * k + 127) / 255);
                out[o++] = (byte) ((m * k + 127) / 255);
                out[o++] = (byte) ((yy * k + 127) / 255);
            }
        }
    }
}
