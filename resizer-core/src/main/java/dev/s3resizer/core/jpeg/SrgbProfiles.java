package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.color.ToneCurves;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;

/**
 * Recognises embedded profiles that are sRGB in all but name (camera and phone "sRGB
 * IEC61966-2.1" copies), so the pipeline can skip an identity colour conversion. A profile counts
 * when its description says sRGB, its primaries are sRGB's and its tone curve is sRGB's; the JDK's
 * "linear sRGB", for one, is not. Public for the PNG and WebP profile readers.
 */
public final class SrgbProfiles {

    private static final ICC_Profile SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB);

    private SrgbProfiles() {
    }

    /** True when {@code profile} is sRGB in all but name. */
    public static boolean equivalent(ICC_Profile profile) {
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
            return false;
        }
        byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (desc == null || !new String(desc, StandardCharsets.ISO_8859_1).replace("\0", "").contains("sRGB")) {
            return false;
        }
        int[] colorants = {ICC_Profile.icSigRedColorantTag, ICC_Profile.icSigGreenColorantTag,
            ICC_Profile.icSigBlueColorantTag};
        for (int tag : colorants) {
            if (!closeXyz(profile.getData(tag), SRGB.getData(tag))) {
                return false;
            }
        }
        int[] curves = {ICC_Profile.icSigRedTRCTag, ICC_Profile.icSigGreenTRCTag, ICC_Profile.icSigBlueTRCTag};
        for (int tag : curves) {
            byte[] curve = profile.getData(tag);
            for (double x : new double[] {0.1, 0.5, 0.9}) {
                if (!(Math.abs(ToneCurves.at(curve, x) - srgb(x)) < 0.01)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double srgb(double x) {
        return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
    }

    private static boolean closeXyz(byte[] a, byte[] b) {
        if (a == null || b == null || a.length < 20 || b.length < 20) {
            return false;
        }
        for (int i = 8; i < 20; i += 4) {
            if (Math.abs(s15(a, i) - s15(b, i)) > 0.003) {
                return false;
            }
        }
        return true;
    }

    private static double s15(byte[] d, int at) {
        return (int) u32(d, at) / 65536.0;
    }

    private static long u32(byte[] d, int at) {
        return (long) (d[at] & 0xFF) << 24 | (d[at + 1] & 0xFF) << 16 | (d[at + 2] & 0xFF) << 8 | (d[at + 3] & 0xFF);
    }
}
