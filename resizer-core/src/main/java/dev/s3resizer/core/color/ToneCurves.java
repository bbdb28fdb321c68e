package dev.s3resizer.core.color;

import java.nio.charset.StandardCharsets;

/**
 * ICC tone curves ('curv' and 'para' tags, ICC.1:2010 10.6 and 10.18) evaluated from their
 * encoded bytes, as a colour engine reads them: 'curv' with no entry is the identity, with one a
 * gamma (u8Fixed8), with more a table interpolated linearly; 'para' is one of the five
 * parametric functions.
 *
 * <p>{@code double linear = ToneCurves.at(profile.getData(ICC_Profile.icSigRedTRCTag), 0.5);}
 */
public final class ToneCurves {

    private static final int[] PARAMETERS = {1, 3, 4, 5, 7};

    private ToneCurves() {
    }

    /** The curve {@code tag} at {@code x} (0 to 1); NaN for a curve of another type or damaged. */
    public static double at(byte[] tag, double x) {
        return at(tag, 0, tag == null ? 0 : tag.length, x);
    }

    /** The curve stored at {@code tag[offset]}, {@code length} bytes, at {@code x}. */
    static double at(byte[] tag, int offset, int length, double x) {
        if (tag == null || length < 12 || offset < 0 || offset + length > tag.length) {
            return Double.NaN;
        }
        String type = new String(tag, offset, 4, StandardCharsets.ISO_8859_1);
        if (type.equals("curv")) {
            long n = IccBytes.u32(tag, offset + 8);
            if (n == 0) {
                return x;
            }
            if (n == 1) {
                return length < 14 ? Double.NaN : Math.pow(x, IccBytes.u16(tag, offset + 12) / 256.0);
            }
            if (length < 12 + 2 * n) {
                return Double.NaN;
            }
            double pos = x * (n - 1);
            int i = (int) Math.min(n - 2, (long) pos);
            double a = IccBytes.u16(tag, offset + 12 + 2 * i) / 65535.0;
            double b = IccBytes.u16(tag, offset + 14 + 2 * i) / 65535.0;
            return a + (b - a) * (pos - i);
        }
        if (type.equals("para")) {
            return parametric(tag, offset, length, x);
        }
        return Double.NaN;
    }

    private static double parametric(byte[] t, int offset, int length, double x) {
        int function = IccBytes.u16(t, offset + 8);
        if (function > 4 || length < 12 + 4 * PARAMETERS[function]) {
            return Double.NaN;
        }
        double[] p = new double[7];
        for (int i = 0; i < PARAMETERS[function]; i++) {
            p[i] = IccBytes.s15Fixed16(t, offset + 12 + 4 * i);
        }
        double g = p[0];
        double a = p[1];
        double b = p[2];
        double c = p[3];
        double y = switch (function) {
            case 0 -> Math.pow(x, g);
            case 1 -> x >= -b / a ? Math.pow(a * x + b, g) : 0;
            case 2 -> x >= -b / a ? Math.pow(a * x + b, g) + c : c;
            case 3 -> x >= p[4] ? Math.pow(a * x + b, g) : c * x;
            default -> x >= p[4] ? Math.pow(a * x + b, g) + p[5] : c * x + p[6];
        };
        return Math.clamp(y, 0, 1);
    }
}
