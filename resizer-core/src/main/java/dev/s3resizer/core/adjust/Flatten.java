package dev.s3resizer.core.adjust;

import dev.s3resizer.core.pixels.Pixels;

/** Composites RGBA over a solid background colour, for output formats without alpha (JPEG). */
public final class Flatten {

    private Flatten() {
    }

    /** Returns RGB pixels of {@code src} drawn over {@code background} (0xRRGGBB). */
    public static Pixels onto(Pixels src, int background) {
        if (!src.hasAlpha()) {
            return src;
        }
        int[] bg = {background >> 16 & 0xFF, background >> 8 & 0xFF, background & 0xFF};
        int n = src.width() * src.height();
        byte[] s = src.data();
        Pixels dst = Pixels.allocate(src.width(), src.height(), 3);
        byte[] d = dst.data();
        for (int i = 0, o = 0; i < n * 4; i += 4, o += 3) {
            int a = s[i + 3] & 0xFF;
            if (a == 255) {
                d[o] = s[i];
                d[o + 1] = s[i + 1];
                d[o + 2] = s[i + 2];
                continue;
            }
            for (int k = 0; k < 3; k++) {
                d[o + k] = (byte) divide255((s[i + k] & 0xFF) * a + bg[k] * (255 - a));
            }
        }
        return dst;
    }

    /** {@code x / 255} rounded, for x up to 255 * 255, without a division. */
    private static int divide255(int x) {
        int t = x + 128;
        return (t + (t >> 8)) >> 8;
    }
}
