package dev.s3resizer.core.color;

import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ProfileDataException;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

/**
 * Converts RGB(A) pixels from an embedded ICC profile to sRGB. Matrix/TRC profiles (Display P3,
 * Adobe RGB, ProPhoto, ...: nearly all that photos carry) go through our own table-driven
 * conversion ({@link MatrixShaper}, built once per profile), the rest through the JDK's colour
 * engine (LCMS). Runs on resampled pixels, where it is cheapest; gray and sRGB input pass through.
 * One instance serves the renditions of one image.
 *
 * <p>A profile the engine cannot use (corrupt curve or matrix tags: "LCMS error 13: Couldn't link
 * the profiles") is <b>ignored with a warning and the pixels are taken as sRGB</b>, not refused:
 * the profile is metadata beside intact pixels, sRGB is what an untagged image means and what
 * browsers show when they reject a profile, and it is how damaged PNG iCCP chunks and cut JPEG
 * profiles are already treated. Refusing would lose a good photo for a few bad bytes of metadata.
 */
public final class SrgbConverter {

    private static final System.Logger LOG = System.getLogger(SrgbConverter.class.getName());

    private ICC_Profile profile;

    private SrgbConverter(ICC_Profile profile) {
        this.profile = profile;
    }

    /** A converter from {@code profile}; null means the pixels already are sRGB. */
    public static SrgbConverter from(ICC_Profile profile) {
        return new SrgbConverter(profile);
    }

    /** Pixels in sRGB; {@code profile} null means they already are. */
    public static Pixels toSrgb(Pixels src, ICC_Profile profile) {
        return from(profile).toSrgb(src);
    }

    /** Pixels in sRGB: converted, or {@code src} itself when there is nothing to convert or the profile is unusable. */
    public Pixels toSrgb(Pixels src) {
        if (profile == null || src.channels() == 1 || profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
            return src;
        }
        try {
            MatrixShaper shaper = IccTransforms.of(profile);
            if (shaper != null) {
                Pixels dst = Pixels.allocate(src.width(), src.height(), src.channels());
                shaper.convert(src.data(), 0, dst.data(), 0, src.width() * src.height(), src.channels());
                return dst;
            }
            return convert(src, profile);
        } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "the embedded ICC profile cannot be used ({0}); "
                    + "its pixels are taken as sRGB", e.getMessage());
            profile = null;
            return src;
        }
    }

    private static Pixels convert(Pixels src, ICC_Profile profile) {
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

    /**
     * True when YCbCr planes in {@code profile}'s colour space can be converted by
     * {@link #toSrgb(YccPlanes, ICC_Profile)}: it is null (sRGB) or an RGB matrix/TRC profile.
     */
    public static boolean convertsPlanes(ICC_Profile profile) {
        return profile == null || IccTransforms.of(profile) != null;
    }

    /**
     * Planes as the JPEG encoder takes them (luma at the output size, chroma at half of it) in
     * sRGB; {@code profile} null means they already are. Only where {@link #convertsPlanes} says so.
     */
    public static YccPlanes toSrgb(YccPlanes planes, ICC_Profile profile) {
        if (profile == null) {
            return planes;
        }
        MatrixShaper shaper = IccTransforms.of(profile);
        if (shaper == null) {
            throw new IllegalArgumentException("profile: expected an RGB matrix/TRC profile for planes");
        }
        return YccToSrgb.convert(planes, shaper);
    }
}
