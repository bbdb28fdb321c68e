package dev.s3resizer.core.decode;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Places a GIF's first frame on its logical screen, as browsers show it: ImageIO returns the frame
 * alone, which may be smaller than the screen and offset; the area it does not cover is transparent.
 * The screen is only a number in the header (a 35-byte file can claim 10000x10000 around one
 * pixel), so it is drawn no larger than the request needs: reduced by the largest whole factor
 * that keeps it at least the minimum size, each pixel the mean of the screen pixels it covers.
 */
final class GifScreen {

    private GifScreen() {
    }

    /** Bytes of the canvas {@link #place} draws for a {@code width x height} screen. */
    static long canvasBytes(int width, int height, int minWidth, int minHeight) {
        int k = factor(width, height, minWidth, minHeight);
        return (long) ceilDiv(width, k) * ceilDiv(height, k) * 4;
    }

    /**
     * The frame on a transparent canvas of the screen's size divided by the factor the minimum
     * size allows, or the frame itself when it fills the screen.
     */
    static Pixels place(Pixels frame, byte[] gif, int width, int height, int minWidth, int minHeight) {
        if (frame.width() == width && frame.height() == height) {
            return frame;
        }
        int[] offset = firstFrameOffset(gif);
        if (offset == null || offset[0] + frame.width() > width || offset[1] + frame.height() > height) {
            return frame;
        }
        int k = factor(width, height, minWidth, minHeight);
        Pixels canvas = Pixels.allocate(ceilDiv(width, k), ceilDiv(height, k), 4);
        long[] sums = new long[canvas.width() * 4];
        long area = (long) k * k;
        byte[] d = canvas.data();
        int firstRow = offset[1] / k;
        int lastRow = (offset[1] + frame.height() - 1) / k;
        for (int cy = firstRow; cy <= lastRow; cy++) {
            java.util.Arrays.fill(sums, 0L);
            for (int sy = Math.max(cy * k, offset[1]); sy < Math.min(cy * k + k, offset[1] + frame.height()); sy++) {
                addRow(frame, sy - offset[1], offset[0], k, sums);
            }
            for (int cx = 0, o = cy * canvas.width() * 4; cx < canvas.width(); cx++, o += 4) {
                long alpha = sums[cx * 4 + 3];
                if (alpha > 0) {
                    d[o] = (byte) ((sums[cx * 4] + alpha / 2) / alpha);
                    d[o + 1] = (byte) ((sums[cx * 4 + 1] + alpha / 2) / alpha);
                    d[o + 2] = (byte) ((sums[cx * 4 + 2] + alpha / 2) / alpha);
                    d[o + 3] = (byte) ((alpha + area / 2) / area);
                }
            }
        }
        return canvas;
    }

    /** Adds frame row {@code y}, drawn at screen column {@code left}, to the canvas row's alpha-weighted sums. */
    private static void addRow(Pixels frame, int y, int left, int k, long[] sums) {
        byte[] s = frame.data();
        int c = frame.channels();
        for (int x = 0, i = y * frame.width() * c; x < frame.width(); x++, i += c) {
            int a = c == 4 ? s[i + 3] & 0xFF : 255;
            int at = (left + x) / k * 4;
            sums[at] += (s[i] & 0xFF) * a;
            sums[at + 1] += (s[c == 1 ? i : i + 1] & 0xFF) * a;
            sums[at + 2] += (s[c == 1 ? i : i + 2] & 0xFF) * a;
            sums[at + 3] += a;
        }
    }

    /** The largest whole factor that keeps a {@code width x height} screen at least {@code minWidth x minHeight}. */
    private static int factor(int width, int height, int minWidth, int minHeight) {
        int k = Math.max(1, Math.min(width / Math.max(1, minWidth), height / Math.max(1, minHeight)));
        while (k > 1 && (ceilDiv(width, k) < minWidth || ceilDiv(height, k) < minHeight)) {
            k--;
        }
        return k;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
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
