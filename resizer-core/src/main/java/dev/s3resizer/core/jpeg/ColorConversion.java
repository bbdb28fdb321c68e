package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.pixels.Levels;
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
        for (int x = 0; x < width; x++) {
            int c = c0[o0 + x] & 0xFF;
            int m = c1[o1 + x] & 0xFF;
            int yy = c2[o2 + x] & 0xFF;
            int k = c3[o3 + x] & 0xFF;
            if (ycck) {
                int l = c;
                c = 255 - Idct.clamp(YccPlanes.red(l, yy));
                m = 255 - Idct.clamp(YccPlanes.green(l, m, yy));
                yy = 255 - Idct.clamp(YccPlanes.blue(l, c1[o1 + x] & 0xFF));
            }
            if (ink) {
                out[o++] = (byte) (255 - c);
                out[o++] = (byte) (255 - m);
                out[o++] = (byte) (255 - yy);
                out[o++] = (byte) (255 - k);
            } else {
                out[o++] = (byte) Levels.divide255(c * k);
                out[o++] = (byte) Levels.divide255(m * k);
                out[o++] = (byte) Levels.divide255(yy * k);
            }
        }
    }
}
