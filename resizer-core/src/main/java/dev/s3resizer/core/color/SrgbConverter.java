package dev.s3resizer.core.color;

import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

/**
 * Converts RGB(A) pixels from an embedded ICC profile to sRGB with the JDK's colour engine (LCMS).
 * Runs on resampled pixels, where it is cheapest; gray and sRGB input pass through.
 */
public final class SrgbConverter {

    private SrgbConverter() {
    }

    /** Pixels in sRGB; {@code profile} null means they already are. */
    public static Pixels toSrgb(Pixels src, ICC_Profile profile) {
        if (profile == null || src.channels() == 1 || profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
            return src;
        }
        BufferedImage from = BufferedImages.wrap(src, new ICC_ColorSpace(profile));
        Pixels dst = Pixels.allocate(src.width(), src.height(), src.channels());
        BufferedImage to = BufferedImages.wrap(dst);
        new ColorConvertOp(null).filter(from, to);
        if (src.hasAlpha()) {
            byte[] s = src.data();
            byte[] d = dst.data();
            for (int i = 3; i < d.length; i += 4) {
                d[i] = s[i];
            }
        }
        return dst;
    }
}
