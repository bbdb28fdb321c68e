package dev.s3resizer.core.jpeg.encode;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColourLines}' conversion of one RGB pixel row on SIMD lanes, one pixel per lane: the
 * same integer luma and chroma terms as the scalar loop, so the same samples. Interleaved R, G
 * and B come apart without gathers: the bytes of {@link #LANES} pixels, widened to three int
 * vectors, hold each channel's lanes at distinct positions (a pixel's sample {@code 3k + c} sits at
 * position {@code (3k + c) % LANES}, and 3 is prime to the lane count), so two blends and one
 * rearrange give a channel. Faster than the scalar loops once compiled; until C2 has compiled
 * it, though, each vector operation is an interpreted call and an object, which only a
 * long-running process (warmed up at start, {@code VectorWarmUp}) or a primed snapshot earns
 * back. Figures in docs/performance.md.
 *
 * <p>Loaded only when the incubator module is there ({@code Simd.enabled()}).
 */
final class RgbLanes {

    /** 256-bit lanes where the machine has more, else what it has. */
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class,
            (FloatVector.SPECIES_PREFERRED.length() > 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED)
                    .vectorShape());
    static final int LANES = INTS.length();
    /** At least 8 bytes (the narrowest byte vector), widened in {@link #PARTS} parts of {@link #LANES} ints. */
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(Math.max(64, LANES * 8)));
    private static final int PARTS = BYTES.length() / LANES;
    /** Per channel: which lanes the second and the third int vector give, then where each pixel's sample sits. */
    private static final VectorMask<Integer> R_SECOND = mask(0, 1);
    private static final VectorMask<Integer> R_THIRD = mask(0, 2);
    private static final VectorShuffle<Integer> R_PIXELS = pixelOrder(0);
    private static final VectorMask<Integer> G_SECOND = mask(1, 1);
    private static final VectorMask<Integer> G_THIRD = mask(1, 2);
    private static final VectorShuffle<Integer> G_PIXELS = pixelOrder(1);
    private static final VectorMask<Integer> B_SECOND = mask(2, 1);
    private static final VectorMask<Integer> B_THIRD = mask(2, 2);
    private static final VectorShuffle<Integer> B_PIXELS = pixelOrder(2);
    /** Lane {@code k} takes lane {@code k ^ 1}: the other pixel of its pair. */
    private static final VectorShuffle<Integer> NEIGHBOURS = VectorShuffle.fromOp(INTS, k -> k ^ 1);

    private RgbLanes() {
    }

    /**
     * Converts the first pixels of the row at {@code rgb[at]}, as many as fill whole vectors, into
     * {@code lines} (as {@link ColourLines#convert} does); returns how many (the rest is the
     * scalar loop's).
     */
    static int convert(byte[] rgb, int at, int width, ColourLines lines, boolean add) {
        int step = BYTES.length();
        int n = width / step * step;
        for (int x = 0; x < n; x += step) {
            int p = at + 3 * x;
            ByteVector b0 = ByteVector.fromArray(BYTES, rgb, p);
            ByteVector b1 = ByteVector.fromArray(BYTES, rgb, p + step);
            ByteVector b2 = ByteVector.fromArray(BYTES, rgb, p + 2 * step);
            for (int part = 0; part < PARTS; part++) {
                IntVector v0 = widened(b0, b1, b2, 3 * part);
                IntVector v1 = widened(b0, b1, b2, 3 * part + 1);
                IntVector v2 = widened(b0, b1, b2, 3 * part + 2);
                IntVector r = v0.blend(v1, R_SECOND).blend(v2, R_THIRD).rearrange(R_PIXELS);
                IntVector g = v0.blend(v1, G_SECOND).blend(v2, G_THIRD).rearrange(G_PIXELS);
                IntVector b = v0.blend(v1, B_SECOND).blend(v2, B_THIRD).rearrange(B_PIXELS);
                pixels(r, g, b, lines, x + part * LANES, add);
            }
        }
        return n;
    }

    /** Int vector {@code i} of the bytes of {@code b0}, {@code b1} and {@code b2} in turn. */
    private static IntVector widened(ByteVector b0, ByteVector b1, ByteVector b2, int i) {
        ByteVector b = i < PARTS ? b0 : i < 2 * PARTS ? b1 : b2;
        return (IntVector) b.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, i % PARTS);
    }

    /**
     * Luma, level-shifted, and the chroma terms of pixels {@code x} onwards (see {@link ColourLines});
     * when {@code add}, also the Cb and Cr of their pixel pairs.
     */
    private static void pixels(IntVector r, IntVector g, IntVector b, ColourLines lines, int x, boolean add) {
        IntVector y = r.mul(YCbCrRows.Y_R).add(g.mul(YCbCrRows.Y_G)).add(b.mul(YCbCrRows.Y_B));
        ((FloatVector) y.convert(VectorOperators.I2F, 0)).mul(YCbCrRows.Y_SCALE).sub(128f)
                .intoArray(lines.luma, x);
        IntVector blue = b.lanewise(VectorOperators.LSHL, 16).sub(y);
        IntVector red = r.lanewise(VectorOperators.LSHL, 16).sub(y);
        if (add) {
            blue = blue.add(IntVector.fromArray(INTS, lines.blue, x));
            red = red.add(IntVector.fromArray(INTS, lines.red, x));
            chroma(blue, YCbCrRows.CB_SCALE, lines.cb, x);
            chroma(red, YCbCrRows.CR_SCALE, lines.cr, x);
        }
        blue.intoArray(lines.blue, x);
        red.intoArray(lines.red, x);
    }

    /** The sums of each pixel pair's two {@code sums} times {@code scale}, on both lanes of the pair. */
    private static void chroma(IntVector sums, float scale, float[] out, int x) {
        ((FloatVector) sums.add(sums.rearrange(NEIGHBOURS)).convert(VectorOperators.I2F, 0)).mul(scale)
                .intoArray(out, x);
    }

    /** Lanes of the int vector {@code source} (0, 1 or 2) that hold samples of channel {@code c}. */
    private static VectorMask<Integer> mask(int c, int source) {
        boolean[] lanes = new boolean[LANES];
        for (int k = 0; k < LANES; k++) {
            int sample = 3 * k + c;
            lanes[sample % LANES] = sample / LANES == source;
        }
        return VectorMask.fromArray(INTS, lanes, 0);
    }

    /** Lane {@code k} takes the lane that holds pixel k's sample of channel {@code c}. */
    private static VectorShuffle<Integer> pixelOrder(int c) {
        return VectorShuffle.fromOp(INTS, k -> (3 * k + c) % LANES);
    }
}
