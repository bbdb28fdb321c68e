package dev.s3resizer.core.decode;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Places a GIF's first frame on its logical screen, as browsers show it: ImageIO returns the frame
 * alone, which may be smaller than the screen and offset; the area it does not cover is transparent.
 */
final class GifScreen {

    private GifScreen() {
    }

    /** The frame on a {@code width x height} transparent canvas, or the frame itself when it fills it. */
    static Pixels place(Pixels frame, byte[] gif, int width, int height) {
        if (frame.width() == width && frame.height() == height) {
            return frame;
        }
        int[] offset = firstFrameOffset(gif);
        if (offset == null || offset[0] + frame.width() > width || offset[1] + frame.height() > height) {
            return frame;
        }
        Pixels canvas = Pixels.allocate(width, height, 4);
        byte[] s = frame.data();
        byte[] d = canvas.data();
        int c = frame.channels();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int i = (y * frame.width() + x) * c;
                int o = ((offset[1] + y) * width + offset[0] + x) * 4;
                d[o] = s[i];
                d[o + 1] = s[c == 1 ? i : i + 1];
                d[o + 2] = s[c == 1 ? i : i + 2];
                d[o + 3] = c == 4 ? s[i + 3] : (byte) 0xFF;
            }
        }
        return canvas;
    }

    /** Left and top of the first image descriptor, skipping the colour table and extensions. */
    private static int[] firstFrameOffset(byte[] gif) {
        int packed = gif.length > 10 ? gif[10] & 0xFF : 0;
        int at = 13 + ((packed & 0x80) != 0 ? 3 << ((packed & 7) + 1) : 0);
        while (at < gif.length && (gif[at] & 0xFF) == 0x21) {
            at += 2;
            while (at < gif.length && gif[at] != 0) {
                at += (gif[at] & 0xFF) + 1;
            }
            at++;
        }
        if (at + 4 >= gif.length || (gif[at] & 0xFF) != 0x2C) {
            return null;
        }
        return new int[] {(gif[at + 1] & 0xFF) | (gif[at + 2] & 0xFF) << 8, (gif[at + 3] & 0xFF) | (gif[at + 4] & 0xFF) << 8};
    }
}
