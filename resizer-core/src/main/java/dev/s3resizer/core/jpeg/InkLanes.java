package dev.s3resizer.core.jpeg;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link ColorConversion}'s Adobe CMYK and YCCK rows to RGB on SIMD lanes, one pixel per lane:
 * libjpeg's YCbCr arithmetic in the same 16-bit fixed point as its tables, the clamp and the
 * product with K as the scalar loop does them, so the same levels. Each pixel leaves as one int
 * (R, G and B in its low bytes), written to the interleaved row 3 bytes apart, each store's
 * fourth byte overwritten by the next pixel's.
 *
 * <p>Loaded only when the incubator module is there ({@code Simd.enabled()}). Not thread-safe:
 * one instance per decode (it keeps a row buffer).
 */
final class InkLanes {

    /** 256-bit lanes where the machine has more, else what it has. */
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class,
            (FloatVector.SPECIES_PREFERRED.length() > 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED)
                    .vectorShape());
    private static final int LANES = INTS.length();
    /** At least 8 bytes (the narrowest byte vector), widened in {@link #PARTS} parts of {@link #LANES} ints. */
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(Math.max(64, LANES * 8)));
    private static final int PARTS = BYTES.length() / LANES;
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** libjpeg's YCbCr to RGB factors in 16-bit fixed point ({@code YccPlanes}' tables). */
    private static final int CR_R = 91881;
    private static final int CB_B = 116130;
    private static final int CR_G = 46802;
    private static final int CB_G = 22554;

    private final boolean ycck;
    /** Per pixel of the row: inverted C, M and Y (R, G and B before K), then R, G and B in one int. */
    private final int[] red;
    private final int[] green;
    private final int[] blue;
    private final int[] packed;

    /** For rows of {@code width} pixels, YCCK-coded when {@code ycck}, else plain (inverted) CMYK. */
    InkLanes(int width, boolean ycck) {
        this.ycck = ycck;
        int n = width / BYTES.length() * BYTES.length();
        this.red = new int[n];
        this.green = new int[n];
        this.blue = new int[n];
        this.packed = new int[n];
    }

    /**
     * Converts the row's first pixels, as many as fill whole vectors, to RGB at {@code out[o]};
     * returns how many (the rest is the scalar loop's). Two passes over row buffers, each a
     * method the compiler takes whole: in one loop, it stops inlining the vector operations and
     * makes objects of the vectors.
     */
    int toRgb(byte[] c0, int o0, byte[] c1, int o1, byte[] c2, int o2, byte[] c3, int o3, byte[] out, int o) {
        int n = packed.length;
        if (ycck) {
            ycc(c0, o0, c1, o1, c2, o2);
        } else {
            widen(c0, o0, red);
            widen(c1, o1, green);
            widen(c2, o2, blue);
        }
        timesK(c3, o3);
        int[] p = packed;
        for (int x = 0; x < n - 1; x++) {
            INT_LE.set(out, o + 3 * x, p[x]);
        }
        if (n > 0) {
            out[o + 3 * n - 3] = (byte) p[n - 1];
            out[o + 3 * n - 2] = (byte) (p[n - 1] >> 8);
            out[o + 3 * n - 1] = (byte) (p[n - 1] >> 16);
        }
        return n;
    }

    /** YCbCr to RGB, clamped and inverted (YCCK's YCbCr codes 255 - C, M and Y), as libjpeg rounds it. */
    private void ycc(byte[] c0, int o0, byte[] c1, int o1, byte[] c2, int o2) {
        for (int x = 0; x < packed.length; x += BYTES.length()) {
            ByteVector ys = ByteVector.fromArray(BYTES, c0, o0 + x);
            ByteVector bs = ByteVector.fromArray(BYTES, c1, o1 + x);
            ByteVector rs = ByteVector.fromArray(BYTES, c2, o2 + x);
            for (int part = 0; part < PARTS; part++) {
                int at = x + part * LANES;
                IntVector l = (IntVector) ys.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part);
                IntVector cb = ((IntVector) bs.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part)).sub(128);
                IntVector cr = ((IntVector) rs.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part)).sub(128);
                l.add(cr.mul(CR_R).add(32768).lanewise(VectorOperators.ASHR, 16)).max(0).min(255).neg().add(255)
                        .intoArray(red, at);
                l.add(cb.mul(-CB_G).add(cr.mul(-CR_G)).add(32768).lanewise(VectorOperators.ASHR, 16)).max(0).min(255)
                        .neg().add(255).intoArray(green, at);
                l.add(cb.mul(CB_B).add(32768).lanewise(VectorOperators.ASHR, 16)).max(0).min(255).neg().add(255)
                        .intoArray(blue, at);
            }
        }
    }

    private void widen(byte[] c, int o, int[] to) {
        for (int x = 0; x < packed.length; x += BYTES.length()) {
            ByteVector bytes = ByteVector.fromArray(BYTES, c, o + x);
            for (int part = 0; part < PARTS; part++) {
                ((IntVector) bytes.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part))
                        .intoArray(to, x + part * LANES);
            }
        }
    }

    /** Each of R, G and B times the inverted K over 255, rounded ({@code ColorConversion.times}), packed. */
    private void timesK(byte[] c3, int o3) {
        for (int x = 0; x < packed.length; x += BYTES.length()) {
            ByteVector ks = ByteVector.fromArray(BYTES, c3, o3 + x);
            for (int part = 0; part < PARTS; part++) {
                int at = x + part * LANES;
                IntVector k = ((IntVector) ks.convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, part)).mul(257);
                IntVector r = IntVector.fromArray(INTS, red, at).mul(k).add(32896).lanewise(VectorOperators.ASHR, 16);
                IntVector g = IntVector.fromArray(INTS, green, at).mul(k).add(32896)
                        .lanewise(VectorOperators.ASHR, 16);
                IntVector b = IntVector.fromArray(INTS, blue, at).mul(k).add(32896).lanewise(VectorOperators.ASHR, 16);
                r.or(g.lanewise(VectorOperators.LSHL, 8)).or(b.lanewise(VectorOperators.LSHL, 16))
                        .intoArray(packed, at);
            }
        }
    }
}
