package dev.s3resizer.core.pixels;

/**
 * An 8-bit raster, interleaved, in sRGB unless a step says otherwise: 1 channel (gray),
 * 3 (R, G, B) or 4 (R, G, B, A with straight, not premultiplied, alpha). Rows are packed,
 * {@code width * channels} bytes each. Mutable for speed; steps hand it on, never share it.
 */
public record Pixels(int width, int height, int channels, byte[] data) {

    public Pixels {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("pixels: expected positive size but got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3 && channels != 4) {
            throw new IllegalArgumentException("pixels: expected 1, 3 or 4 channels but got " + channels);
        }
        if (data.length < (long) width * height * channels) {
            throw new IllegalArgumentException("pixels: buffer of " + data.length + " bytes is too small for "
                    + width + "x" + height + "x" + channels);
        }
    }

    public static Pixels allocate(int width, int height, int channels) {
        return new Pixels(width, height, channels, new byte[Math.multiplyExact(Math.multiplyExact(width, height), channels)]);
    }

    public boolean hasAlpha() {
        return channels == 4;
    }

    public int stride() {
        return width * channels;
    }

    /** True when some pixel is not fully opaque. */
    public boolean usesTransparency() {
        if (channels != 4) {
            return false;
        }
        int n = width * height * 4;
        for (int i = 3; i < n; i += 4) {
            if (data[i] != (byte) 0xFF) {
                return true;
            }
        }
        return false;
    }
}
