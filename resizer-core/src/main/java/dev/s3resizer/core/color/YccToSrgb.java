package dev.s3resizer.core.color;

import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;

/**
 * Converts JPEG-ready planes from a profile's colour space to sRGB: luma at the output size,
 * chroma at half of it (rounded up, pairs from the top left, as the 4:2:0 encoder takes them).
 * Each pixel of a 2x2 block is decoded to RGB with its own luma and the block's chroma, converted
 * ({@link MatrixShaper}) and coded again: its luma kept, the block's chroma the mean of its
 * pixels', as the encoder averages chroma from RGB.
 *
 * <p>{@code YccPlanes srgb = YccToSrgb.convert(planes, MatrixShaper.parse(p3Bytes));}
 */
final class YccToSrgb {

    /** JFIF luma weights in 16-bit fixed point, as libjpeg and the encoder use them. */
    private static final int YR = 19595;
    private static final int YG = 38470;
    private static final int YB = 7471;
    private static final float CB = (float) (0.5 / (1 - 0.114) / 65536);
    private static final float CR = (float) (0.5 / (1 - 0.299) / 65536);

    private YccToSrgb() {
    }

    static YccPlanes convert(YccPlanes in, MatrixShaper shaper) {
        int w = in.y().width();
        int h = in.y().height();
        int cw = in.cb().width();
        int ch = in.cb().height();
        if (cw != (w + 1) / 2 || ch != (h + 1) / 2) {
            throw new IllegalArgumentException("planes: expected chroma " + (w + 1) / 2 + "x" + (h + 1) / 2
                    + " for luma " + w + "x" + h + " but got " + cw + "x" + ch);
        }
        byte[] y = in.y().data();
        byte[] cb = in.cb().data();
        byte[] cr = in.cr().data();
        byte[] oy = new byte[y.length];
        byte[] ocb = new byte[cb.length];
        byte[] ocr = new byte[cr.length];
        int[] sums = new int[2];
        for (int by = 0; by < ch; by++) {
            int top = 2 * by * w;
            int bottom = 2 * by + 1 < h ? top + w : -1;
            for (int bx = 0; bx < cw; bx++) {
                int c = by * cw + bx;
                int b = cb[c] & 0xFF;
                int r = cr[c] & 0xFF;
                int x = 2 * bx;
                boolean pair = x + 1 < w;
                sums[0] = sums[1] = 0;
                pixel(y, oy, top + x, b, r, shaper, sums);
                int n = 1;
                if (pair) {
                    pixel(y, oy, top + x + 1, b, r, shaper, sums);
                    n++;
                }
                if (bottom >= 0) {
                    pixel(y, oy, bottom + x, b, r, shaper, sums);
                    n++;
                    if (pair) {
                        pixel(y, oy, bottom + x + 1, b, r, shaper, sums);
                        n++;
                    }
                }
                ocb[c] = level(sums[0] * CB / n + 128.5f);
                ocr[c] = level(sums[1] * CR / n + 128.5f);
            }
        }
        return new YccPlanes(new Pixels(w, h, 1, oy), new Pixels(cw, ch, 1, ocb), new Pixels(cw, ch, 1, ocr),
                in.lumaScaleX(), in.lumaScaleY(), in.chromaScaleX(), in.chromaScaleY());
    }

    /**
     * One pixel at {@code at} with the block's chroma {@code b}, {@code r}: its sRGB luma to
     * {@code oy}, and to {@code sums} B - Y and R - Y in 16-bit fixed point.
     */
    private static void pixel(byte[] y, byte[] oy, int at, int b, int r, MatrixShaper shaper, int[] sums) {
        int l = y[at] & 0xFF;
        int rgb = shaper.convert(clamp(YccPlanes.red(l, r)), clamp(YccPlanes.green(l, b, r)),
                clamp(YccPlanes.blue(l, b)));
        int sr = rgb >>> 16;
        int sg = rgb >>> 8 & 0xFF;
        int sb = rgb & 0xFF;
        int luma = YR * sr + YG * sg + YB * sb;
        oy[at] = (byte) ((luma + 32768) >> 16);
        sums[0] += (sb << 16) - luma;
        sums[1] += (sr << 16) - luma;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    private static byte level(float v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : (int) v);
    }
}
