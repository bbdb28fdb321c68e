package dev.s3resizer.core.png;

import dev.s3resizer.core.pixels.Pixels;

/**
 * Decodes an Adam7-interlaced PNG: seven passes, each a small image of its own (own rows, own
 * filters, a fresh row above), whose pixels fall on a grid of the full one. Each pass row is
 * unfiltered, converted to the output layout as a plain row would be, then spread over the grid.
 *
 * <p>{@code Adam7.decode(data, file, layout, pixels);}
 */
final class Adam7 {

    private static final int[] X0 = {0, 4, 0, 2, 0, 1, 0};
    private static final int[] Y0 = {0, 0, 4, 0, 2, 0, 1};
    private static final int[] DX = {8, 8, 4, 4, 2, 2, 1};
    private static final int[] DY = {8, 8, 8, 4, 4, 2, 2};

    private Adam7() {
    }

    static void decode(byte[] data, PngFile file, RowLayout layout, Pixels pixels) {
        Ihdr header = file.header();
        int width = header.width();
        int height = header.height();
        int c = pixels.channels();
        int bitsPerPixel = header.samplesPerPixel() * header.bitDepth();
        int stride = header.filterStride();
        byte[] row = new byte[header.rowBytes() + 1];
        byte[] above = new byte[row.length];
        byte[] converted = new byte[width * c];
        byte[] out = pixels.data();
        try (ImageData image = new ImageData(data, file.firstImageData(), height)) {
            for (int pass = 0; pass < 7; pass++) {
                int passWidth = (width - X0[pass] + DX[pass] - 1) / DX[pass];
                int passHeight = (height - Y0[pass] + DY[pass] - 1) / DY[pass];
                if (passWidth <= 0 || passHeight <= 0) {
                    continue;
                }
                int length = (int) (((long) passWidth * bitsPerPixel + 7) / 8) + 1;
                java.util.Arrays.fill(above, 0, length, (byte) 0);
                for (int r = 0; r < passHeight; r++) {
                    int y = Y0[pass] + r * DY[pass];
                    image.read(row, 0, length, y, length);
                    RowFilters.undo(row, above, length - 1, stride, y, height);
                    layout.convert(row, 1, converted, 0, passWidth);
                    spread(converted, out, (y * width + X0[pass]) * c, passWidth, DX[pass] * c, c);
                    byte[] done = row;
                    row = above;
                    above = done;
                }
            }
        }
    }

    private static void spread(byte[] converted, byte[] out, int at, int count, int step, int c) {
        for (int i = 0, s = 0, o = at; i < count; i++, s += c, o += step) {
            for (int k = 0; k < c; k++) {
                out[o + k] = converted[s + k];
            }
        }
    }
}
