package dev.s3resizer.core.resample;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The horizontal pass on SIMD lanes, one output per lane: a group of {@link #LANES} neighbouring
 * outputs reads one run of source samples, and each of those samples, broadcast to every lane,
 * is multiplied by a column of the group's weight matrix (zero where an output does not reach
 * that sample) and added. No gathers and no horizontal sums, which the scalar loop, one dot
 * product per output, cannot avoid. A 1.5x reduction costs about 21 vector multiply-adds per 8
 * outputs instead of 80 scalar ones.
 *
 * <p>Also {@link #widen}, the bytes-to-floats step before the vertical pass, which the JIT does
 * not vectorise on its own (an unsigned byte to float conversion): a 24 MP photo's planes at 3/8
 * resample in 6.3 ms instead of 7.7.
 *
 * <p>Loaded only when {@link Simd} finds the incubator module. One instance per kernel; not
 * thread-safe (it keeps a lane buffer).
 */
final class VectorRows implements RowFilter {

    /** 256-bit lanes where the machine has them (AVX-512 adds little here), else what it has (NEON: 128). */
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED.length() > 8
            ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /**
     * 8 bytes, the narrowest byte vector there is (no shape is below 64 bits), widened in
     * {@link #PARTS} parts of {@link #LANES} ints: one on 256-bit machines, two on 128-bit ones.
     */
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_64;
    private static final int PARTS = BYTES.length() / LANES;
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());
    /** Four output bytes at once, little-endian: the low byte first. */
    private static final VarHandle PIXEL = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int outputs;
    /** Per group: its first source sample (from the kernel's first source), how many it reads, where its matrix starts. */
    private final int[] base;
    private final int[] span;
    private final int[] offset;
    /** Per group, per source sample of its run, {@link #LANES} weights: one per output of the group. */
    private final float[] matrix;
    private final int[] lane = new int[LANES];

    private VectorRows(int outputs, int[] base, int[] span, int[] offset, float[] matrix) {
        this.outputs = outputs;
        this.base = base;
        this.span = span;
        this.offset = offset;
        this.matrix = matrix;
    }

    static String describe() {
        return "vector (jdk.incubator.vector, " + LANES + " float lanes)";
    }

    static VectorRows of(Kernel k) {
        int n = k.start.length;
        int x0 = k.firstSource();
        int groups = (n + LANES - 1) / LANES;
        int[] base = new int[groups];
        int[] span = new int[groups];
        int[] offset = new int[groups];
        int total = 0;
        for (int g = 0; g < groups; g++) {
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (int x = g * LANES; x < Math.min(n, (g + 1) * LANES); x++) {
                lo = Math.min(lo, k.start[x]);
                hi = Math.max(hi, k.start[x] + k.count[x]);
            }
            base[g] = lo - x0;
            span[g] = hi - lo;
            offset[g] = total * LANES;
            total += hi - lo;
        }
        float[] matrix = new float[total * LANES];
        for (int x = 0; x < n; x++) {
            int g = x / LANES;
            int column = offset[g] + x % LANES;
            for (int j = 0; j < k.count[x]; j++) {
                int sample = k.start[x] + j - x0 - base[g];
                matrix[column + sample * LANES] = k.weights[x * k.taps + j];
            }
        }
        return new VectorRows(n, base, span, offset, matrix);
    }

    /** {@code plane[x] = data[at + x] & 0xFF} for every x of {@code plane}. */
    static void widen(byte[] data, int at, float[] plane) {
        int n = plane.length;
        int step = BYTES.length();
        int x = 0;
        for (; x <= n - step; x += step) {
            ByteVector bytes = ByteVector.fromArray(BYTES, data, at + x);
            for (int part = 0; part < PARTS; part++) {
                bytes.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part)
                        .convert(VectorOperators.I2F, 0).reinterpretAsFloats()
                        .intoArray(plane, x + part * LANES);
            }
        }
        for (; x < n; x++) {
            plane[x] = data[at + x] & 0xFF;
        }
    }

    /**
     * Three or four channels from their interleaved samples (R, G, B[, A] per source pixel, as the
     * vertical pass leaves them), written interleaved from {@code out[o]}. Each weight vector is
     * loaded once for every channel, whose chains of multiply-adds also keep the core busy while
     * each waits for its previous result.
     */
    @Override
    public void filterPixels(float[] p, int channels, byte[] out, int o) {
        boolean alpha = channels == 4;
        float[] m = matrix;
        for (int g = 0; g < base.length; g++) {
            FloatVector s0 = FloatVector.broadcast(SPECIES, 0.5f);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            int at = offset[g];
            for (int i = base[g] * channels, end = i + span[g] * channels; i < end; i += channels, at += LANES) {
                FloatVector w = FloatVector.fromArray(SPECIES, m, at);
                s0 = w.fma(FloatVector.broadcast(SPECIES, p[i]), s0);
                s1 = w.fma(FloatVector.broadcast(SPECIES, p[i + 1]), s1);
                s2 = w.fma(FloatVector.broadcast(SPECIES, p[i + 2]), s2);
                if (alpha) {
                    s3 = w.fma(FloatVector.broadcast(SPECIES, p[i + 3]), s3);
                }
            }
            // The channels packed into one int a pixel (R in the low byte), stored once as a vector:
            // not a vector store per channel, each read back lane by lane.
            IntVector packed = levels(s0).or(levels(s1).lanewise(VectorOperators.LSHL, 8))
                    .or(levels(s2).lanewise(VectorOperators.LSHL, 16));
            int count = Math.min(LANES, outputs - g * LANES);
            if (alpha) {
                packed = packed.or(levels(s3).lanewise(VectorOperators.LSHL, 24));
                if (count == LANES) {
                    packed.reinterpretAsBytes().intoArray(out, o);
                    o += 4 * LANES;
                    continue;
                }
            }
            packed.intoArray(lane, 0);
            for (int j = 0; j < count; j++, o += channels) {
                int pixel = lane[j];
                if (!alpha && o + 4 <= out.length) {
                    // Four bytes: the fourth is the next pixel's first, which is written after this.
                    PIXEL.set(out, o, pixel);
                } else {
                    out[o] = (byte) pixel;
                    out[o + 1] = (byte) (pixel >> 8);
                    out[o + 2] = (byte) (pixel >> 16);
                    if (alpha) {
                        out[o + 3] = (byte) (pixel >>> 24);
                    }
                }
            }
        }
    }

    /** The sums clamped to 0-255 and truncated (each began at 0.5, so rounded). */
    private static IntVector levels(FloatVector sums) {
        return (IntVector) sums.max(0f).min(255f).convert(VectorOperators.F2I, 0);
    }

    @Override
    public void filter(float[] samples, byte[] out, int o, int step) {
        float[] m = matrix;
        int[] values = lane;
        for (int g = 0; g < base.length; g++) {
            FloatVector sum = FloatVector.broadcast(SPECIES, 0.5f);
            FloatVector odd = FloatVector.zero(SPECIES);
            int s = base[g];
            int i = 0;
            int at = offset[g];
            // Two chains of multiply-adds, not one: each waits for the previous result of its own chain
            // only, so the core keeps two in flight instead of stalling for every add.
            for (int end = span[g] - 1; i < end; i += 2, at += 2 * LANES) {
                sum = FloatVector.fromArray(SPECIES, m, at).fma(FloatVector.broadcast(SPECIES, samples[s + i]), sum);
                odd = FloatVector.fromArray(SPECIES, m, at + LANES)
                        .fma(FloatVector.broadcast(SPECIES, samples[s + i + 1]), odd);
            }
            if (i < span[g]) {
                sum = FloatVector.fromArray(SPECIES, m, at).fma(FloatVector.broadcast(SPECIES, samples[s + i]), sum);
            }
            IntVector levels = levels(sum.add(odd));
            int count = Math.min(LANES, outputs - g * LANES);
            if (step == 1 && count == BYTES.length()) {
                // A whole group of a one-channel row: narrowed to bytes and stored at once.
                levels.convertShape(VectorOperators.I2B, BYTES, 0).reinterpretAsBytes().intoArray(out, o);
                o += count;
                continue;
            }
            levels.intoArray(values, 0);
            for (int j = 0; j < count; j++, o += step) {
                out[o] = (byte) values[j];
            }
        }
    }
}
