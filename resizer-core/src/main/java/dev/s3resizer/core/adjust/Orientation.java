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
        for (int y = 0, o = 0; y < oh; y++) {
            int first = index(orientation, 0, y, w, h) * c;
            int step = ow > 1 ? index(orientation, 1, y, w, h) * c - first : 0;
            if (c == 1) {
                for (int x = 0, i = first; x < ow; x++, i += step) {
                    d[o++] = s[i];
                }
            } else {
                for (int x = 0, i = first; x < ow; x++, i += step) {
                    for (int k = 0; k < c; k++) {
                        d[o++] = s[i + k];
                    }
                }
            }
        }
        return dst;
    }

    /** The source pixel (as an index into a {@code w x h} raster) shown at ({@code x}, {@code y}). */
    private static int index(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 2 -> y * w + (w - 1 - x);
            case 3 -> (h - 1 - y) * w + (w - 1 - x);
            case 4 -> (h - 1 - y) * w + x;
            case 5 -> x * w + y;
            case 6 -> (h - 1 - x) * w + y;
            case 7 -> (h - 1 - x) * w + (w - 1 - y);
            default -> x * w + (w - 1 - y);
        };
    }
}
