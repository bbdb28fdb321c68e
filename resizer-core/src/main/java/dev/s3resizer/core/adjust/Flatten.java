package dev.s3resizer.core.adjust;

import dev.s3resizer.core.pixels.Levels;
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
        int red = background >> 16 & 0xFF;
        int green = background >> 8 & 0xFF;
        int blue = background & 0xFF;
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
            int b = 255 - a;
            d[o] = (byte) Levels.divide255((s[i] & 0xFF) * a + red * b);
            d[o + 1] = (byte) Levels.divide255((s[i + 1] & 0xFF) * a + green * b);
            d[o + 2] = (byte) Levels.divide255((s[i + 2] & 0xFF) * a + blue * b);
        }
        return dst;
    }
}
