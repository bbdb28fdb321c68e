package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.pixels.YccPlanes;

/**
 * Row conversions to interleaved output: JFIF YCbCr to RGB with libjpeg's 16-bit fixed-point
 * tables, plain RGB interleaving, and Adobe CMYK/YCCK (stored inverted: 255 means no ink) either
 * to RGB by the naive formula or to ink values for an ICC conversion afterwards.
 */
final class ColorConversion {

    private ColorConversion() {
    }

    static void ycc(byte[] y, int yo, byte[] cb, int cbo, byte[] cr, int cro, byte[] out, int o, int width) {
        YccPlanes.toRgb(y, yo, cb, cbo, cr, cro, out, o, width);
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
        if (ink) {
            toInk(c0, o0, c1, o1, c2, o2, c3, o3, ycck, out, o, width);
        } else if (ycck) {
            ycckToRgb(c0, o0, c1, o1, c2, o2, c3, o3, out, o, width);
        } else {
            for (int x = 0; x < width; x++, o += 3) {
                int k = (c3[o3 + x] & 0xFF) * 257;
                out[o] = times(c0[o0 + x] & 0xFF, k);
                out[o + 1] = times(c1[o1 + x] & 0xFF, k);
                out[o + 2] = times(c2[o2 + x] & 0xFF, k);
            }
        }
    }

    /**
     * YCCK to RGB: the inverted C, M and Y from YCbCr as JFIF converts it, each times the
     * inverted K. One specialised loop: 4% off a CMYK photo's decode against a shared one.
     */
    private static void ycckToRgb(byte[] y, int yo, byte[] cb, int cbo, byte[] cr, int cro, byte[] k, int ko,
                                  byte[] out, int o, int width) {
        for (int x = 0; x < width; x++, o += 3) {
            int l = y[yo + x] & 0xFF;
            int b = cb[cbo + x] & 0xFF;
            int r = cr[cro + x] & 0xFF;
            int kk = (k[ko + x] & 0xFF) * 257;
            out[o] = times(255 - Idct.clamp(YccPlanes.red(l, r)), kk);
            out[o + 1] = times(255 - Idct.clamp(YccPlanes.green(l, b, r)), kk);
            out[o + 2] = times(255 - Idct.clamp(YccPlanes.blue(l, b)), kk);
        }
    }

    /** {@code v * k / 255} rounded, given {@code k257 = k * 257}: exact for levels v and k (0-255). */
    private static byte times(int v, int k257) {
        return (byte) ((v * k257 + 32896) >> 16);
    }

    private static void toInk(byte[] c0, int o0, byte[] c1, int o1, byte[] c2, int o2, byte[] c3, int o3,
                              boolean ycck, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++) {
            int c = c0[o0 + x] & 0xFF;
            int m = c1[o1 + x] & 0xFF;
            int yy = c2[o2 + x] & 0xFF;
            if (ycck) {
                int l = c;
                c = 255 - Idct.clamp(YccPlanes.red(l, yy));
                m = 255 - Idct.clamp(YccPlanes.green(l, m, yy));
                yy = 255 - Idct.clamp(YccPlanes.blue(l, c1[o1 + x] & 0xFF));
            }
            out[o++] = (byte) (255 - c);
            out[o++] = (byte) (255 - m);
            out[o++] = (byte) (255 - yy);
            out[o++] = (byte) (255 - (c3[o3 + x] & 0xFF));
        }
    }
}
