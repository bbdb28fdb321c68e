package dev.s3resizer.core.png;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A PNG palette (PLTE) with its alphas (tRNS), as 256 RGBA entries laid out the way the JDK's
 * reader lays them out, so that out-of-range indexes come out the same: the stored entries,
 * black up to the next of 2, 4, 16 or 256 entries, then the last of those repeated; alpha 255
 * where tRNS says nothing. RGBA output only when some entry is not opaque, as ImageIO's colour
 * model decides.
 *
 * <p>{@code Palette p = Palette.of(plte, trns, 4); p.expand(row, 1, out, 0, width);}
 */
final class Palette {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] rgba = new byte[256 * 4];
    /** The entries as little-endian ints (R in the low byte), for writing a pixel in one store. */
    private final int[] packed = new int[256];
    private final int bitDepth;
    private final int channels;

    private Palette(byte[] plte, byte[] trns, int bitDepth) {
        this.bitDepth = bitDepth;
        int size = 1 << bitDepth;
        int count = Math.min(plte.length / 3, size);
        int stored = count > 16 ? 256 : count > 4 ? 16 : count > 2 ? 4 : 2;
        Arrays.fill(rgba, (byte) 0xFF);
        for (int i = 0; i < stored; i++) {
            for (int k = 0; k < 3; k++) {
                rgba[i * 4 + k] = i < count ? plte[i * 3 + k] : 0;
            }
        }
        for (int i = stored; i < size; i++) {
            System.arraycopy(rgba, (stored - 1) * 4, rgba, i * 4, 3);
        }
        boolean alpha = false;
        for (int i = 0; trns != null && i < Math.min(trns.length, stored); i++) {
            rgba[i * 4 + 3] = trns[i];
            alpha |= trns[i] != (byte) 0xFF;
        }
        this.channels = alpha ? 4 : 3;
        for (int i = 0; i < 256; i++) {
            packed[i] = (int) INT.get(rgba, i * 4);
        }
    }

    static Palette of(byte[] plte, byte[] trns, int bitDepth) {
        return new Palette(plte, trns, bitDepth);
    }

    /** A copy of the 256 RGBA entries. */
    byte[] rgba() {
        return rgba.clone();
    }

    /** Writes {@code width} indexes of {@code bitDepth} bits (as {@link #expand} reads them), one a byte. */
    void indexes(byte[] row, int from, byte[] out, int to, int width) {
        if (bitDepth == 8) {
            System.arraycopy(row, from, out, to, width);
            return;
        }
        int mask = (1 << bitDepth) - 1;
        for (int x = 0, p = from; x < width; p++) {
            int packed = row[p];
            for (int shift = 8 - bitDepth; shift >= 0 && x < width; shift -= bitDepth, x++) {
                out[to + x] = (byte) (packed >> shift & mask);
            }
        }
    }

    /** 3 (RGB) or 4 (RGBA). */
    int channels() {
        return channels;
    }

    /** Looks up {@code width} indexes of {@code bitDepth} bits, packed from the high bits of {@code row[from]}. */
    void expand(byte[] row, int from, byte[] out, int to, int width) {
        if (bitDepth == 8) {
            expandBytes(row, from, out, to, width);
            return;
        }
        int perByte = 8 / bitDepth;
        int mask = (1 << bitDepth) - 1;
        for (int x = 0, o = to; x < width; x++, o += channels) {
            int shift = 8 - bitDepth * (x % perByte + 1);
            put(row[from + x / perByte] >> shift & mask, out, o);
        }
    }

    /**
     * One index per byte: each pixel written as one int store; with three channels its fourth byte
     * is overwritten by the next pixel, so the last pixel is written byte by byte.
     */
    private void expandBytes(byte[] row, int from, byte[] out, int to, int width) {
        int c = channels;
        int o = to;
        for (int x = 0, end = from + width - 1; from + x < end; x++, o += c) {
            INT.set(out, o, packed[row[from + x] & 0xFF]);
        }
        put(row[from + width - 1] & 0xFF, out, o);
    }

    private void put(int index, byte[] out, int o) {
        int e = index << 2;
        out[o] = rgba[e];
        out[o + 1] = rgba[e + 1];
        out[o + 2] = rgba[e + 2];
        if (channels == 4) {
            out[o + 3] = rgba[e + 3];
        }
    }
}
