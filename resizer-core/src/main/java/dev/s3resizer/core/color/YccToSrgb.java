package dev.s3resizer.core.color;

import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;
import dev.s3resizer.core.resample.Simd;

/**
 * Converts JPEG-ready planes from a profile's colour space to sRGB: luma at the output size,
 * chroma at half of it (rounded up, pairs from the top left, as the 4:2:0 encoder takes them).
 * Each pixel of a 2x2 block is decoded to RGB with its own luma and the block's chroma (JFIF, as
 * libjpeg's tables round it), converted ({@link MatrixShaper}) and coded again: its luma kept, the
 * block's chroma the mean of its pixels', as the encoder averages chroma from RGB.
 *
 * <p>Where the Vector API is there, the whole blocks of each row that fill vectors go through
 * {@link YccLanes} (the same steps, so the same levels), the rest of the
 * row and an odd last row through the scalar loop here.
 *
 * <p>{@code YccPlanes srgb = YccToSrgb.convert(planes, MatrixShaper.parse(p3Bytes));}
 */
final class YccToSrgb {

    /** JFIF luma weights in 16-bit fixed point, as libjpeg and the encoder use them. */
    static final int YR = 19595;
    static final int YG = 38470;
    static final int YB = 7471;
    static final float CB = (float) (0.5 / (1 - 0.114) / 65536);
    static final float CR = (float) (0.5 / (1 - 0.299) / 65536);

    private YccToSrgb() {
    }

    static YccPlanes convert(YccPlanes in, MatrixShaper shaper) {
        return convert(in, shaper, Simd.enabled());
    }

    /** With {@code lanes} false, every block through the scalar loop (to compare in tests). */
    static YccPlanes convert(YccPlanes in, MatrixShaper shaper, boolean lanes) {
        int w = in.y().width();
        int h = in.y().height();
        int cw = in.cb().width();
        int ch = in.cb().height();
        if (cw != (w + 1) / 2 || ch != (h + 1) / 2) {
            throw new IllegalArgumentException("planes: expected chroma " + (w + 1) / 2 + "x" + (h + 1) / 2
                    + " for luma " + w + "x" + h + " but got " + cw + "x" + ch);
        }
        byte[] y = in.y().data();
        byte[] oy = new byte[y.length];
        byte[] ocb = new byte[cw * ch];
        byte[] ocr = new byte[cw * ch];
        YccLanes vectors = lanes && YccLanes.fits(w) ? new YccLanes(shaper, w) : null;
        for (int by = 0; by < ch; by++) {
            int top = 2 * by * w;
            int bottom = 2 * by + 1 < h ? top + w : -1;
            int first = vectors == null || bottom < 0 ? 0
                    : vectors.blockRow(y, in.cb().data(), in.cr().data(), by * cw, top, bottom, oy, ocb, ocr);
            blockRow(y, in.cb().data(), in.cr().data(), first, by * cw, top, bottom, w, shaper, oy, ocb, ocr);
        }
        return new YccPlanes(new Pixels(w, h, 1, oy), new Pixels(cw, ch, 1, ocb), new Pixels(cw, ch, 1, ocr),
                in.lumaScaleX(), in.lumaScaleY(), in.chromaScaleX(), in.chromaScaleY());
    }

    /**
     * One row of 2x2 blocks: luma rows at {@code top} and {@code bottom} (-1 past the last row),
     * chroma from {@code c}. Whole pairs first, then an odd last column on its own.
     */
    private static void blockRow(byte[] y, byte[] cb, byte[] cr, int first, int c, int top, int bottom, int w,
                                 MatrixShaper s, byte[] oy, byte[] ocb, byte[] ocr) {
        int pairs = w / 2;
        c += first;
        for (int bx = first; bx < pairs; bx++, c++) {
            int b = cb[c] & 0xFF;
            int r = cr[c] & 0xFF;
            int dr = MatrixShaper.MARGIN + YccPlanes.red(0, r);
            int dg = MatrixShaper.MARGIN + YccPlanes.green(0, b, r);
            int db = MatrixShaper.MARGIN + YccPlanes.blue(0, b);
            int at = top + 2 * bx;
            int p0 = pixel(y[at] & 0xFF, dr, dg, db, s);
            int p1 = pixel(y[at + 1] & 0xFF, dr, dg, db, s);
            int l0 = luma(p0);
            int l1 = luma(p1);
            oy[at] = (byte) ((l0 + 32768) >> 16);
            oy[at + 1] = (byte) ((l1 + 32768) >> 16);
            int sumB = ((p0 & 0xFF) + (p1 & 0xFF) << 16) - l0 - l1;
            int sumR = ((p0 >>> 16) + (p1 >>> 16) << 16) - l0 - l1;
            int n = 2;
            if (bottom >= 0) {
                at = bottom + 2 * bx;
                int p2 = pixel(y[at] & 0xFF, dr, dg, db, s);
                int p3 = pixel(y[at + 1] & 0xFF, dr, dg, db, s);
                int l2 = luma(p2);
                int l3 = luma(p3);
                oy[at] = (byte) ((l2 + 32768) >> 16);
                oy[at + 1] = (byte) ((l3 + 32768) >> 16);
                sumB += ((p2 & 0xFF) + (p3 & 0xFF) << 16) - l2 - l3;
                sumR += ((p2 >>> 16) + (p3 >>> 16) << 16) - l2 - l3;
                n = 4;
            }
            ocb[c] = level(sumB * CB / n + 128.5f);
            ocr[c] = level(sumR * CR / n + 128.5f);
        }
        if (w % 2 == 1) {
            lastColumn(y, cb[c] & 0xFF, cr[c] & 0xFF, c, top + w - 1, bottom < 0 ? -1 : bottom + w - 1, s,
                    oy, ocb, ocr);
        }
    }

    /** The block of an odd width's last column: one pixel across, one or two down. */
    private static void lastColumn(byte[] y, int b, int r, int c, int top, int bottom, MatrixShaper s,
                                   byte[] oy, byte[] ocb, byte[] ocr) {
        int dr = MatrixShaper.MARGIN + YccPlanes.red(0, r);
        int dg = MatrixShaper.MARGIN + YccPlanes.green(0, b, r);
        int db = MatrixShaper.MARGIN + YccPlanes.blue(0, b);
        int sumB = 0;
        int sumR = 0;
        int n = 0;
        for (int at : bottom < 0 ? new int[] {top} : new int[] {top, bottom}) {
            int p = pixel(y[at] & 0xFF, dr, dg, db, s);
            int l = luma(p);
            oy[at] = (byte) ((l + 32768) >> 16);
            sumB += ((p & 0xFF) << 16) - l;
            sumR += ((p >>> 16) << 16) - l;
            n++;
        }
        ocb[c] = level(sumB * CB / n + 128.5f);
        ocr[c] = level(sumR * CR / n + 128.5f);
    }

    /** The sRGB 0xRRGGBB of luma {@code l} with the block's chroma offsets (each plus the margin). */
    private static int pixel(int l, int dr, int dg, int db, MatrixShaper s) {
        return s.convert(l + dr, l + dg, l + db);
    }

    /** JFIF luma of 0xRRGGBB in 16-bit fixed point. */
    private static int luma(int rgb) {
        return YR * (rgb >>> 16) + YG * (rgb >>> 8 & 0xFF) + YB * (rgb & 0xFF);
    }

    private static byte level(float v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : (int) v);
    }
}
