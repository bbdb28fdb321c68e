package dev.s3resizer.core.adjust;

import dev.s3resizer.core.pixels.Levels;
import dev.s3resizer.core.pixels.Pixels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Composites RGBA over a solid background colour, for output formats without alpha (JPEG). */
public final class Flatten {

    /** One RGBA pixel as an int: red in the low byte, alpha in the high one. */
    private static final VarHandle PIXEL = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Flatten() {
    }

    /** Returns RGB pixels of {@code src} drawn over {@code background} (0xRRGGBB). */
    public static Pixels onto(Pixels src, int background) {
        if (!src.hasAlpha()) {
            return src;
        }
        Pixels dst = Pixels.allocate(src.width(), src.height(), 3);
        byte[] s = src.data();
        byte[] d = dst.data();
        int width = src.width();
        for (int y = 0; y < src.height(); y++) {
            row(s, y * width * 4, d, y * width * 3, width, background);
        }
        return dst;
    }

    /**
     * Draws {@code width} RGBA pixels from {@code rgba[from]} over {@code background} (0xRRGGBB)
     * as RGB into {@code rgb[to]}: one row of {@link #onto}, for a decoder that flattens as it goes.
     * Opaque pixels are copied; a pixel equal to the one on its left (the flat areas of logos and
     * graphics) takes that one's result instead of being blended again.
     */
    public static void row(byte[] rgba, int from, byte[] rgb, int to, int width, int background) {
        int red = background >> 16 & 0xFF;
        int green = background >> 8 & 0xFF;
        int blue = background & 0xFF;
        int last = 0;
        int r = red;
        int g = green;
        int b = blue;
        for (int x = 0, i = from, o = to; x < width; x++, i += 4, o += 3) {
            int pixel = (int) PIXEL.get(rgba, i);
            if (pixel != last) {
                last = pixel;
                int a = pixel >>> 24;
                r = pixel & 0xFF;
                g = pixel >> 8 & 0xFF;
                b = pixel >> 16 & 0xFF;
                if (a != 255) {
                    int under = 255 - a;
                    r = Levels.divide255(r * a + red * under);
                    g = Levels.divide255(g * a + green * under);
                    b = Levels.divide255(b * a + blue * under);
                }
            }
            rgb[o] = (byte) r;
            rgb[o + 1] = (byte) g;
            rgb[o + 2] = (byte) b;
        }
    }
}
