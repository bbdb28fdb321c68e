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
     * {@code out[0]}; rows past the bottom repeat the last one (an encoder's padding). With three
     * channels the very last pixel is written byte by byte, so {@code out} needs no byte to spare.
     */
    public void expandRows(int first, int count, byte[] out) {
        int[] packed = packedEntries();
        int rowBytes = width * channels;
        for (int r = 0; r < count; r++) {
            int at = Math.min(first + r, height - 1) * width;
            boolean lastRgb = channels == 3 && r == count - 1;
            expandRun(packed, at, lastRgb ? width - 1 : width, out, r * rowBytes);
            if (lastRgb) {
                int e = (indexes[at + width - 1] & 0xFF) << 2;
                int o = r * rowBytes + 3 * (width - 1);
                out[o] = palette[e];
                out[o + 1] = palette[e + 1];
                out[o + 2] = palette[e + 2];
            }
        }
    }

    /** Each palette entry as one little-endian int (R in the low byte, then G, B, A), for {@link #expandRun}. */
    public int[] packedEntries() {
        int[] packed = new int[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            packed[i] = (int) INT.get(palette, i * 4);
        }
        return packed;
    }

    /**
     * The {@code count} pixels of {@link #indexes} from {@code from} as {@link #channels}-channel
     * samples at {@code out[at]}, each one int store of its entry in {@code packed}
     * ({@link #packedEntries}). With three channels the fourth byte lands on the next pixel, which
     * overwrites it: {@code out} needs one byte to spare after the last pixel.
     */
    public void expandRun(int[] packed, int from, int count, byte[] out, int at) {
        int c = channels;
        for (int x = 0, o = at; x < count; x++, o += c) {
            INT.set(out, o, packed[indexes[from + x] & 0xFF]);
        }
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
