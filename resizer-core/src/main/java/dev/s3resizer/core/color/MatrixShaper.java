package dev.s3resizer.core.color;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Arrays;

/**
 * The conversion to sRGB of an RGB matrix/TRC ("matrix-shaper") ICC profile, built from the
 * profile's own tags, as LCMS builds it for the perceptual and relative colorimetric intents: each
 * channel through its tone curve (rTRC, gTRC, bTRC) to linear light, the colorant matrix (rXYZ,
 * gXYZ, bXYZ: already adapted to the D50 connection space) to XYZ, the inverse of sRGB's colorant
 * matrix to linear sRGB, clipped, then sRGB's encoding to 8 bits. The three matrices are one, and
 * the curves two tables: 256 entries in, {@link #ENCODE_STEPS} out (a step there is at most a
 * fifth of an 8-bit level). Immutable, so one per distinct profile serves every thread
 * ({@link IccTransforms}).
 *
 * <p>{@code MatrixShaper p3 = MatrixShaper.parse(iccBytes); p3.convert(rgb, 0, out, 0, n, 3);}
 */
public final class MatrixShaper {

    /** Entries of the linear-to-sRGB table. */
    static final int ENCODE_STEPS = 16384;
    private static final int[] COLORANTS = {ICC_Profile.icSigRedColorantTag, ICC_Profile.icSigGreenColorantTag,
        ICC_Profile.icSigBlueColorantTag};
    private static final int[] CURVES = {ICC_Profile.icSigRedTRCTag, ICC_Profile.icSigGreenTRCTag,
        ICC_Profile.icSigBlueTRCTag};
    /** Tags a colour engine prefers to the matrix and curves when present (ICC.1:2010 8.4.2). */
    private static final int[] LUTS = {ICC_Profile.icSigAToB0Tag, ICC_Profile.icSigAToB1Tag,
        ICC_Profile.icSigAToB2Tag, 0x44324230 /* D2B0 */, 0x44324231 /* D2B1 */};
    /** Linear sRGB in steps to 8-bit levels; {@link YccLanes} gathers from it too. */
    static final byte[] ENCODE = encodeTable();
    private static final double[][] SRGB_TO_XYZ = srgbColorants();

    /**
     * Levels below 0 and above 255 that {@link #convert(int, int, int)} takes, as clipped ones:
     * what JFIF YCbCr decodes to before clamping spans -227 to 482.
     */
    static final int MARGIN = 256;

    /**
     * Per channel, the linear value of each 8-bit level (at {@code MARGIN + level}, levels beyond
     * 0-255 clipped), scaled to the encode table's steps. Package-private, like the matrix, for
     * {@link YccLanes}; never written after construction.
     */
    final float[] red;
    final float[] green;
    final float[] blue;
    /** Profile linear RGB to linear sRGB, row-major. */
    final float m00, m01, m02, m10, m11, m12, m20, m21, m22;

    private MatrixShaper(float[][] curves, double[][] m) {
        this.red = curves[0];
        this.green = curves[1];
        this.blue = curves[2];
        m00 = (float) m[0][0];
        m01 = (float) m[0][1];
        m02 = (float) m[0][2];
        m10 = (float) m[1][0];
        m11 = (float) m[1][1];
        m12 = (float) m[1][2];
        m20 = (float) m[2][0];
        m21 = (float) m[2][1];
        m22 = (float) m[2][2];
    }

    /**
     * The conversion of an RGB matrix/TRC profile, or null when {@code icc} is anything else (gray,
     * CMYK, Lab connection space, a LUT-based profile, damaged or unknown tone curves): those are
     * left to LCMS.
     */
    public static MatrixShaper parse(byte[] icc) {
        if (icc == null || icc.length < 132 || IccBytes.signature(icc, 16) != ICC_Profile.icSigRgbData
                || IccBytes.signature(icc, 20) != ICC_Profile.icSigXYZData) {
            return null;
        }
        IccTags tags = IccTags.read(icc);
        if (tags == null) {
            return null;
        }
        for (int lut : LUTS) {
            if (tags.has(lut)) {
                return null;
            }
        }
        double[][] colorants = new double[3][3];
        float[][] curves = new float[3][];
        for (int c = 0; c < 3; c++) {
            double[] xyz = tags.xyz(COLORANTS[c]);
            curves[c] = tags.has(CURVES[c]) ? linearTable(icc, tags, CURVES[c]) : null;
            if (xyz == null || curves[c] == null) {
                return null;
            }
            for (int r = 0; r < 3; r++) {
                colorants[r][c] = xyz[r];
            }
        }
        double[][] m = Matrices.multiply(Matrices.invert(SRGB_TO_XYZ), colorants);
        return m == null ? null : new MatrixShaper(curves, m);
    }

    private static float[] linearTable(byte[] icc, IccTags tags, int tag) {
        float[] table = new float[256 + 2 * MARGIN];
        for (int i = 0; i < 256; i++) {
            double v = ToneCurves.at(icc, tags.offset(tag), tags.size(tag), i / 255.0);
            if (!(v >= -0.001 && v <= 1.001)) {
                return null;
            }
            table[MARGIN + i] = (float) (v * (ENCODE_STEPS - 1));
        }
        Arrays.fill(table, 0, MARGIN, table[MARGIN]);
        Arrays.fill(table, MARGIN + 256, table.length, table[MARGIN + 255]);
        return table;
    }

    /**
     * Converts {@code count} pixels of {@code channels} (3 or 4; a fourth, alpha, is copied) from
     * {@code in[i]} to sRGB at {@code out[o]}; {@code in} and {@code out} may be the same array.
     */
    public void convert(byte[] in, int i, byte[] out, int o, int count, int channels) {
        for (int n = 0; n < count; n++, i += channels, o += channels) {
            float r = red[MARGIN + (in[i] & 0xFF)];
            float g = green[MARGIN + (in[i + 1] & 0xFF)];
            float b = blue[MARGIN + (in[i + 2] & 0xFF)];
            out[o] = encode(m00 * r + m01 * g + m02 * b);
            out[o + 1] = encode(m10 * r + m11 * g + m12 * b);
            out[o + 2] = encode(m20 * r + m21 * g + m22 * b);
            if (channels == 4) {
                out[o + 3] = in[i + 3];
            }
        }
    }

    /**
     * The sRGB levels, as 0xRRGGBB, of red, green and blue levels {@code r}, {@code g}, {@code b}
     * each plus {@link #MARGIN}: levels from -MARGIN to 255 + MARGIN, those outside 0-255 clipped.
     */
    int convert(int r, int g, int b) {
        float lr = red[r];
        float lg = green[g];
        float lb = blue[b];
        return (encode(m00 * lr + m01 * lg + m02 * lb) & 0xFF) << 16
                | (encode(m10 * lr + m11 * lg + m12 * lb) & 0xFF) << 8
                | encode(m20 * lr + m21 * lg + m22 * lb) & 0xFF;
    }

    /** A linear sRGB value in table steps to its 8-bit level, clipped to the gamut. */
    private static byte encode(float steps) {
        return ENCODE[Math.min(Math.max((int) (steps + 0.5f), 0), ENCODE_STEPS - 1)];
    }

    private static byte[] encodeTable() {
        byte[] t = new byte[ENCODE_STEPS];
        for (int k = 0; k < ENCODE_STEPS; k++) {
            double l = (double) k / (ENCODE_STEPS - 1);
            double v = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
            t[k] = (byte) Math.round(255 * v);
        }
        return t;
    }

    /** sRGB's colorants as the JDK's sRGB profile states them (D50-adapted), so results match LCMS's. */
    private static double[][] srgbColorants() {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        IccTags tags = IccTags.read(srgb);
        double[][] m = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double[] xyz = tags.xyz(COLORANTS[c]);
            for (int r = 0; r < 3; r++) {
                m[r][c] = xyz[r];
            }
        }
        return m;
    }
}
