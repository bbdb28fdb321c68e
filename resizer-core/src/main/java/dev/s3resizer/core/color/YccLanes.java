package dev.s3resizer.core.color;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link YccToSrgb}'s conversion of whole 2x2 blocks on SIMD lanes, one pixel (or block) per
 * lane: the tone curves and the encoding gathered from their tables, the YCbCr arithmetic, the
 * matrix and the luma weights lane-wise. The same integer and float steps as the scalar loop, so
 * the same levels.
 *
 * <p>A block row goes through short passes over row buffers rather than one loop: a loop body
 * with all six gathers takes the compiler past its inlining budget, and a vector handed to a call
 * that is not inlined becomes an object on the heap.
 *
 * <p>Loaded only when the incubator module is there ({@code Simd.enabled()}). Not thread-safe:
 * one instance per conversion (it keeps row buffers).
 */
final class YccLanes {

    /** The machine's widest lanes: gathers of 16 lanes (AVX-512) do more per instruction than of 8. */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
    private static final int LANES = FLOATS.length();
    /** At least 8 bytes (the narrowest byte vector), widened in {@link #PARTS} parts of {@link #LANES} ints. */
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(Math.max(64, LANES * 8)));
    private static final int PARTS = BYTES.length() / LANES;
    /** Lane i takes block i / 2: a block's chroma offsets for both of its pixels. */
    private static final VectorShuffle<Integer> PIXEL_PAIRS = VectorShuffle.fromOp(INTS, i -> i / 2);
    private static final int[] EVEN = evenOdd(0);
    private static final int[] ODD = evenOdd(1);
    /** {@link MatrixShaper#ENCODE} as ints, since lanes gather ints, not bytes. */
    private static final int[] ENCODE = encodeInts();
    /** libjpeg's YCbCr to RGB factors in 16-bit fixed point ({@code YccPlanes}' tables). */
    private static final int CR_R = 91881;
    private static final int CB_B = 116130;
    private static final int CR_G = 46802;
    private static final int CB_G = 22554;

    private final MatrixShaper s;
    /** Blocks per row done here: a multiple of {@link #BYTES}' length. */
    private final int blocks;
    /** Per block, its chroma's offset to each channel's level, plus the margin. */
    private final int[] offsetR;
    private final int[] offsetG;
    private final int[] offsetB;
    /** Per pixel, a table position for red, green and blue: tone curve, then encode. */
    private final int[] red;
    private final int[] green;
    private final int[] blue;
    /** Per pixel, linear red, green and blue. */
    private final float[] linearRed;
    private final float[] linearGreen;
    private final float[] linearBlue;
    /** Per pixel, B and R times 65536 minus the luma, summed over both rows. */
    private final int[] sumB;
    private final int[] sumR;

    /** For the blocks of rows of {@code width} pixels that fill whole vectors. */
    YccLanes(MatrixShaper shaper, int width) {
        s = shaper;
        blocks = width / 2 / BYTES.length() * BYTES.length();
        int pixels = 2 * blocks;
        offsetR = new int[blocks + LANES];
        offsetG = new int[blocks + LANES];
        offsetB = new int[blocks + LANES];
        red = new int[pixels];
        green = new int[pixels];
        blue = new int[pixels];
        linearRed = new float[pixels];
        linearGreen = new float[pixels];
        linearBlue = new float[pixels];
        sumB = new int[pixels];
        sumR = new int[pixels];
    }

    /** Whether rows of {@code width} pixels have blocks for lanes. */
    static boolean fits(int width) {
        return width / 2 >= BYTES.length();
    }

    /**
     * Converts the first blocks of the block row with luma rows at {@code top} and {@code bottom}
     * and chroma at {@code c}; returns how many (the rest is the scalar loop's).
     */
    int blockRow(byte[] y, byte[] cb, byte[] cr, int c, int top, int bottom, byte[] oy, byte[] ocb, byte[] ocr) {
        chromaOffsets(cb, cr, c);
        pixelRow(y, top, oy, false);
        pixelRow(y, bottom, oy, true);
        blockChroma(sumB, CbCr.CB, ocb, c);
        blockChroma(sumR, CbCr.CR, ocr, c);
        return blocks;
    }

    private void pixelRow(byte[] y, int at, byte[] oy, boolean add) {
        offsets(y, at);
        linear();
        matrix();
        encoded(oy, at, add);
    }

    /** Per block, R, G and B minus Y of its chroma, as libjpeg's tables round them, plus the margin. */
    private void chromaOffsets(byte[] cb, byte[] cr, int c) {
        for (int bx = 0; bx < blocks; bx += BYTES.length()) {
            ByteVector bs = ByteVector.fromArray(BYTES, cb, c + bx);
            ByteVector rs = ByteVector.fromArray(BYTES, cr, c + bx);
            for (int part = 0; part < PARTS; part++) {
                int p = bx + part * LANES;
                IntVector b = ((IntVector) bs.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part)).sub(128);
                IntVector r = ((IntVector) rs.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part)).sub(128);
                r.mul(CR_R).add(32768).lanewise(VectorOperators.ASHR, 16).add(MatrixShaper.MARGIN)
                        .intoArray(offsetR, p);
                b.mul(-CB_G).add(r.mul(-CR_G)).add(32768).lanewise(VectorOperators.ASHR, 16)
                        .add(MatrixShaper.MARGIN).intoArray(offsetG, p);
                b.mul(CB_B).add(32768).lanewise(VectorOperators.ASHR, 16).add(MatrixShaper.MARGIN)
                        .intoArray(offsetB, p);
            }
        }
    }

    /** Per pixel, where its level plus its block's chroma offset falls in each tone-curve table. */
    private void offsets(byte[] y, int at) {
        for (int x = 0; x < 2 * blocks; x += BYTES.length()) {
            ByteVector bytes = ByteVector.fromArray(BYTES, y, at + x);
            for (int part = 0; part < PARTS; part++) {
                int p = x + part * LANES;
                IntVector l = (IntVector) bytes.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part);
                l.add(IntVector.fromArray(INTS, offsetR, p / 2).rearrange(PIXEL_PAIRS)).intoArray(red, p);
                l.add(IntVector.fromArray(INTS, offsetG, p / 2).rearrange(PIXEL_PAIRS)).intoArray(green, p);
                l.add(IntVector.fromArray(INTS, offsetB, p / 2).rearrange(PIXEL_PAIRS)).intoArray(blue, p);
            }
        }
    }

    /** Tone curves: per pixel, its linear red, green and blue (in encode-table steps). */
    private void linear() {
        MatrixShaper m = s;
        for (int x = 0; x < 2 * blocks; x += LANES) {
            FloatVector.fromArray(FLOATS, m.red, 0, red, x).intoArray(linearRed, x);
            FloatVector.fromArray(FLOATS, m.green, 0, green, x).intoArray(linearGreen, x);
            FloatVector.fromArray(FLOATS, m.blue, 0, blue, x).intoArray(linearBlue, x);
        }
    }

    /** The matrix: per pixel, the encode table's entry for each sRGB channel, clipped to the gamut. */
    private void matrix() {
        MatrixShaper m = s;
        int last = MatrixShaper.ENCODE_STEPS - 1;
        for (int x = 0; x < 2 * blocks; x += LANES) {
            FloatVector r = FloatVector.fromArray(FLOATS, linearRed, x);
            FloatVector g = FloatVector.fromArray(FLOATS, linearGreen, x);
            FloatVector b = FloatVector.fromArray(FLOATS, linearBlue, x);
            ((IntVector) r.mul(m.m00).add(g.mul(m.m01)).add(b.mul(m.m02)).add(0.5f)
                    .convert(VectorOperators.F2I, 0)).max(0).min(last).intoArray(red, x);
            ((IntVector) r.mul(m.m10).add(g.mul(m.m11)).add(b.mul(m.m12)).add(0.5f)
                    .convert(VectorOperators.F2I, 0)).max(0).min(last).intoArray(green, x);
            ((IntVector) r.mul(m.m20).add(g.mul(m.m21)).add(b.mul(m.m22)).add(0.5f)
                    .convert(VectorOperators.F2I, 0)).max(0).min(last).intoArray(blue, x);
        }
    }

    /** sRGB levels from the encode table, then luma to {@code oy[at]} and chroma residues to the sums. */
    private void encoded(byte[] oy, int at, boolean add) {
        for (int x = 0; x < 2 * blocks; x += LANES) {
            IntVector or = IntVector.fromArray(INTS, ENCODE, 0, red, x);
            IntVector og = IntVector.fromArray(INTS, ENCODE, 0, green, x);
            IntVector ob = IntVector.fromArray(INTS, ENCODE, 0, blue, x);
            IntVector luma = or.mul(YccToSrgb.YR).add(og.mul(YccToSrgb.YG)).add(ob.mul(YccToSrgb.YB));
            store(luma.add(32768).lanewise(VectorOperators.ASHR, 16), oy, at + x);
            IntVector bl = ob.lanewise(VectorOperators.LSHL, 16).sub(luma);
            IntVector rl = or.lanewise(VectorOperators.LSHL, 16).sub(luma);
            if (add) {
                bl = bl.add(IntVector.fromArray(INTS, sumB, x));
                rl = rl.add(IntVector.fromArray(INTS, sumR, x));
            }
            bl.intoArray(sumB, x);
            rl.intoArray(sumR, x);
        }
    }

    /** Per block, the mean of its four pixels' residues as Cb or Cr at {@code out[c]}. */
    private void blockChroma(int[] sums, CbCr which, byte[] out, int c) {
        float factor = (which == CbCr.CB ? YccToSrgb.CB : YccToSrgb.CR) / 4;
        for (int bx = 0; bx < blocks; bx += LANES) {
            IntVector sum = IntVector.fromArray(INTS, sums, 2 * bx, EVEN, 0)
                    .add(IntVector.fromArray(INTS, sums, 2 * bx, ODD, 0));
            FloatVector v = ((FloatVector) sum.convert(VectorOperators.I2F, 0)).mul(factor).add(128.5f);
            store((IntVector) v.max(0f).min(255f).convert(VectorOperators.F2I, 0), out, c + bx);
        }
    }

    /** Levels 0-255 as bytes at {@code out[at]}. */
    private static void store(IntVector levels, byte[] out, int at) {
        ByteVector bytes = (ByteVector) levels.convertShape(VectorOperators.I2B, BYTES, 0);
        if (PARTS == 1) {
            bytes.intoArray(out, at);
        } else {
            bytes.intoArray(out, at, BYTES.indexInRange(0, LANES));
        }
    }

    private enum CbCr { CB, CR }

    private static int[] evenOdd(int first) {
        int[] map = new int[LANES];
        for (int i = 0; i < LANES; i++) {
            map[i] = 2 * i + first;
        }
        return map;
    }

    private static int[] encodeInts() {
        int[] t = new int[MatrixShaper.ENCODE_STEPS];
        for (int i = 0; i < t.length; i++) {
            t[i] = MatrixShaper.ENCODE[i] & 0xFF;
        }
        return t;
    }
}
