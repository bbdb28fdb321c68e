package dev.s3resizer.core.adjust;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Applies an EXIF orientation (1-8) so the pixels look the way the camera meant; the output then
 * needs no orientation tag. Runs after resampling, where it moves the fewest pixels.
 */
public final class Orientation {

    private Orientation() {
    }

    /** Returns pixels as displayed; orientation 1 returns the input itself. */
    public static Pixels apply(Pixels src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.width();
        int h = src.height();
        int c = src.channels();
        boolean transpose = orientation >= 5;
        int ow = transpose ? h : w;
        int oh = transpose ? w : h;
        Pixels dst = Pixels.allocate(ow, oh, c);
        byte[] s = src.data();
        byte[] d = dst.data();
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                System.arraycopy(s, (sy * w + sx) * c, d, (y * ow + x) * c, c);
            }
        }
        return dst;
    }
}
