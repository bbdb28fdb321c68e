package dev.s3resizer.core.gif;

/**
 * A GIF colour table as 256 RGBA entries: indexes past the table are opaque black, the
 * transparent index (if any) has alpha 0.
 */
final class Palette {

    private final byte[] rgba = new byte[256 * 4];
    private final boolean alpha;

    Palette(byte[] table, int at, int entries, int transparent) {
        for (int i = 0; i < 256; i++) {
            rgba[i * 4 + 3] = (byte) 0xFF;
        }
        for (int i = 0; i < entries && at + 3 * i + 2 < table.length; i++) {
            rgba[i * 4] = table[at + 3 * i];
            rgba[i * 4 + 1] = table[at + 3 * i + 1];
            rgba[i * 4 + 2] = table[at + 3 * i + 2];
        }
        alpha = transparent >= 0 && transparent < entries;
        if (alpha) {
            rgba[transparent * 4 + 3] = 0;
        }
    }

    /** A copy of the 256 RGBA entries. */
    byte[] rgba() {
        return rgba.clone();
    }

    /** 3 (RGB) or 4 (RGBA, when an entry is transparent). */
    int channels() {
        return alpha ? 4 : 3;
    }

    /** Writes {@code n} pixels from the indexes at {@code from} as {@code c}-channel samples at {@code to}. */
    void expand(byte[] indexes, int from, byte[] out, int to, int n, int c) {
        for (int x = 0, o = to; x < n; x++, o += c) {
            int e = (indexes[from + x] & 0xFF) << 2;
            out[o] = rgba[e];
            out[o + 1] = rgba[e + 1];
            out[o + 2] = rgba[e + 2];
            if (c == 4) {
                out[o + 3] = rgba[e + 3];
            }
        }
    }
}
