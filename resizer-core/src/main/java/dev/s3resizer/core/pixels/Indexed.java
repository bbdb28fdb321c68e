package dev.s3resizer.core.pixels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A palette image as decoded: one index a pixel (rows packed, {@code width} bytes each) into 256
 * RGBA entries ({@code palette}, 4 bytes each, straight alpha). It stands for the {@link Pixels}
 * {@link #expand} makes, with {@code channels} 3 (RGB) or 4 (RGBA), so that steps which treat
 * every pixel of one colour alike (flattening, premultiplying, the encoder's colour conversion)
 * run once per palette entry instead of once per pixel, and nothing image-sized but the indexes
 * exists. Mutable for speed, like {@link Pixels}; steps hand it on, never share it.
 *
 * <p>{@code Indexed gif = new Indexed(600, 375, indexes, rgba, 3); Pixels rgb = gif.expand();}
 */
public record Indexed(int width, int height, byte[] indexes, byte[] palette, int channels) {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Entries of {@link #palette}, each 4 bytes. */
    public static final int ENTRIES = 256;

    public Indexed {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("indexed: expected positive size but got " + width + "x" + height);
        }
        if (channels != 3 && channels != 4) {
            throw new IllegalArgumentException("indexed: expected 3 or 4 channels but got " + channels);
        }
        if (indexes.length < (long) width * height || palette.length != ENTRIES * 4) {
            throw new IllegalArgumentException("indexed: " + indexes.length + " indexes and " + palette.length
                    + " palette bytes do not fit " + width + "x" + height + " and " + ENTRIES + " RGBA entries");
        }
    }

    public boolean hasAlpha() {
        return channels == 4;
    }

    /** True when some pixel is not fully opaque (as {@link Pixels#usesTransparency} of {@link #expand}). */
    public boolean usesTransparency() {
        if (channels != 4) {
            return false;
        }
        boolean[] translucent = new boolean[ENTRIES];
        boolean any = false;
        for (int i = 0; i < ENTRIES; i++) {
            translucent[i] = palette[i * 4 + 3] != (byte) 0xFF;
            any |= translucent[i];
        }
        for (int i = 0, n = width * height; any && i < n; i++) {
            if (translucent[indexes[i] & 0xFF]) {
                return true;
            }
        }
        return false;
    }

    /** The pixels this image stands for. */
    public Pixels expand() {
        Pixels out = Pixels.allocate(width, height, channels);
        expandRows(0, height, out.data());
        return out;
    }

    /**
     * Rows {@code first} to {@code first + count - 1} as {@link #channels}-channel samples from
     * {@code out[0]}; rows past the bottom repeat the last one (an encoder's padding).
     */
    public void expandRows(int first, int count, byte[] out) {
        int c = channels;
        if (c == 3) {
            expandRgbRows(first, count, out);
            return;
        }
        for (int r = 0, o = 0; r < count; r++) {
            int at = Math.min(first + r, height - 1) * width;
            for (int x = 0; x < width; x++, o += c) {
                int e = (indexes[at + x] & 0xFF) << 2;
                out[o] = palette[e];
                out[o + 1] = palette[e + 1];
                out[o + 2] = palette[e + 2];
                if (c == 4) {
                    out[o + 3] = palette[e + 3];
                }
            }
        }
    }

    /**
     * Opaque rows, each pixel written as one little-endian int store of its entry: the fourth byte
     * lands on the next pixel, which overwrites it, so the very last pixel is written byte by byte.
     */
    private void expandRgbRows(int first, int count, byte[] out) {
        int[] packed = new int[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            packed[i] = (int) INT.get(palette, i * 4);
        }
        int o = 0;
        for (int r = 0; r < count; r++) {
            int at = Math.min(first + r, height - 1) * width;
            int end = r == count - 1 ? width - 1 : width;
            for (int x = 0; x < end; x++, o += 3) {
                INT.set(out, o, packed[indexes[at + x] & 0xFF]);
            }
        }
        int e = (indexes[Math.min(first + count - 1, height - 1) * width + width - 1] & 0xFF) << 2;
        out[o] = palette[e];
        out[o + 1] = palette[e + 1];
        out[o + 2] = palette[e + 2];
    }

    /** The palette as a 256 x 1 RGBA image, for steps that work on {@link Pixels}. */
    public Pixels entries() {
        return new Pixels(ENTRIES, 1, 4, palette.clone());
    }

    /**
     * The same indexes into {@code entries} (256 x 1, as {@link #entries} gives it after a step
     * such as flattening): RGB entries make an opaque image.
     */
    public Indexed withEntries(Pixels entries) {
        if (entries.width() != ENTRIES || entries.height() != 1 || entries.channels() == 1) {
            throw new IllegalArgumentException("indexed: entries must be 256 x 1 RGB or RGBA but got "
                    + entries.width() + "x" + entries.height() + "x" + entries.channels());
        }
        if (entries.channels() == 4) {
            return new Indexed(width, height, indexes, entries.data().clone(), 4);
        }
        byte[] rgba = new byte[ENTRIES * 4];
        Arrays.fill(rgba, (byte) 0xFF);
        for (int i = 0; i < ENTRIES; i++) {
            System.arraycopy(entries.data(), i * 3, rgba, i * 4, 3);
        }
        return new Indexed(width, height, indexes, rgba, 3);
    }
}
