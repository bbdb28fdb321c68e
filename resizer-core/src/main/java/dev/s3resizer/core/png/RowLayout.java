package dev.s3resizer.core.png;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * How one stored PNG row becomes a row of {@link dev.s3resizer.core.pixels.Pixels}, in the channel
 * layout ImageIO gives the same file (through the decode package's conversion): gray stays one
 * channel, RGB three, RGBA four; gray+alpha, and gray or RGB with a tRNS colour key, become RGBA
 * (alpha 0 exactly where the stored samples equal the key); a palette becomes RGB, or RGBA when
 * tRNS makes an entry translucent. 16-bit samples keep their high byte, as that conversion does.
 *
 * <p>{@code RowLayout layout = RowLayout.of(file); layout.convert(row, 1, out, y * stride, width);}
 */
final class RowLayout {

    /** Four 16-bit samples at once, the high (first) byte of each in the low byte of its pair. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private enum Kind { AS_STORED, GRAY_ALPHA, KEYED_GRAY, KEYED_RGB, PALETTE }

    private final Kind kind;
    private final int channels;
    private final int sampleBytes;
    private final int[] key;
    private final Palette palette;

    private RowLayout(Kind kind, int channels, int sampleBytes, int[] key, Palette palette) {
        this.kind = kind;
        this.channels = channels;
        this.sampleBytes = sampleBytes;
        this.key = key;
        this.palette = palette;
    }

    static RowLayout of(PngFile file) {
        Ihdr header = file.header();
        int sampleBytes = header.bitDepth() == 16 ? 2 : 1;
        byte[] trns = file.transparency();
        return switch (header.colourType()) {
            case Ihdr.PALETTE -> {
                Palette palette = Palette.of(file.palette(), trns, header.bitDepth());
                yield new RowLayout(Kind.PALETTE, palette.channels(), 1, null, palette);
            }
            case Ihdr.GRAY_ALPHA -> new RowLayout(Kind.GRAY_ALPHA, 4, sampleBytes, null, null);
            case Ihdr.GRAY -> trns == null ? new RowLayout(Kind.AS_STORED, 1, sampleBytes, null, null)
                    : new RowLayout(Kind.KEYED_GRAY, 4, sampleBytes, key(trns), null);
            case Ihdr.RGB -> trns == null ? new RowLayout(Kind.AS_STORED, 3, sampleBytes, null, null)
                    : new RowLayout(Kind.KEYED_RGB, 4, sampleBytes, key(trns), null);
            default -> new RowLayout(Kind.AS_STORED, 4, sampleBytes, null, null);
        };
    }

    /** The 16-bit values of a gray (2 bytes) or RGB (6 bytes) tRNS chunk. */
    private static int[] key(byte[] trns) {
        int[] key = new int[trns.length / 2];
        for (int i = 0; i < key.length; i++) {
            key[i] = (trns[2 * i] & 0xFF) << 8 | trns[2 * i + 1] & 0xFF;
        }
        return key;
    }

    /** The palette of a palette image, null for the others. */
    Palette palette() {
        return palette;
    }

    /** Channels of the output: 1, 3 or 4. */
    int channels() {
        return channels;
    }

    /** Writes the {@code width} pixels stored (unfiltered) from {@code row[from]} to {@code out[to]}. */
    void convert(byte[] row, int from, byte[] out, int to, int width) {
        switch (kind) {
            case AS_STORED -> asStored(row, from, out, to, width * channels);
            case GRAY_ALPHA -> grayAlpha(row, from, out, to, width);
            case KEYED_GRAY -> keyedGray(row, from, out, to, width);
            case KEYED_RGB -> keyedRgb(row, from, out, to, width);
            case PALETTE -> palette.expand(row, from, out, to, width);
        }
    }

    private void asStored(byte[] row, int from, byte[] out, int to, int samples) {
        if (sampleBytes == 1) {
            System.arraycopy(row, from, out, to, samples);
            return;
        }
        int i = 0;
        for (; i + 4 <= samples; i += 4) {
            long four = (long) LONGS.get(row, from + 2 * i) & 0x00FF00FF00FF00FFL;
            four = (four | four >>> 8) & 0x0000FFFF0000FFFFL;
            INTS.set(out, to + i, (int) (four | four >>> 16));
        }
        for (; i < samples; i++) {
            out[to + i] = row[from + 2 * i];
        }
    }

    private void grayAlpha(byte[] row, int from, byte[] out, int to, int width) {
        int s = sampleBytes;
        for (int x = 0, p = from, o = to; x < width; x++, p += 2 * s, o += 4) {
            byte gray = row[p];
            out[o] = gray;
            out[o + 1] = gray;
            out[o + 2] = gray;
            out[o + 3] = row[p + s];
        }
    }

    private void keyedGray(byte[] row, int from, byte[] out, int to, int width) {
        int s = sampleBytes;
        int gray = key[0];
        for (int x = 0, p = from, o = to; x < width; x++, p += s, o += 4) {
            byte g = row[p];
            out[o] = g;
            out[o + 1] = g;
            out[o + 2] = g;
            out[o + 3] = sample(row, p) == gray ? 0 : (byte) 0xFF;
        }
    }

    private void keyedRgb(byte[] row, int from, byte[] out, int to, int width) {
        int s = sampleBytes;
        for (int x = 0, p = from, o = to; x < width; x++, p += 3 * s, o += 4) {
            out[o] = row[p];
            out[o + 1] = row[p + s];
            out[o + 2] = row[p + 2 * s];
            boolean keyed = sample(row, p) == key[0] && sample(row, p + s) == key[1]
                    && sample(row, p + 2 * s) == key[2];
            out[o + 3] = keyed ? 0 : (byte) 0xFF;
        }
    }

    /** The stored value of one 8- or 16-bit sample. */
    private int sample(byte[] row, int p) {
        return sampleBytes == 1 ? row[p] & 0xFF : (row[p] & 0xFF) << 8 | row[p + 1] & 0xFF;
    }
}
