package dev.s3resizer.core.decode;

import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;

import java.awt.color.ICC_Profile;

/**
 * Decoded pixels in stored orientation, possibly smaller than the stored size (shrink-on-load):
 * interleaved {@code pixels}; or, from a YCbCr JPEG asked with a {@link DecodeRequest}, the
 * {@code ycc} planes as stored; or, from a palette image asked for {@link DecodeRequest#indexes},
 * its {@code indexed} pixels. The other two are null.
 *
 * @param pixels  8-bit gray, RGB or RGBA, or null
 * @param ycc     Y, Cb and Cr planes, or null
 * @param profile the colour space the RGB values (or the planes' YCbCr-coded RGB) are in, or null for sRGB
 * @param indexed palette indexes and their palette, or null
 */
public record Decoded(Pixels pixels, YccPlanes ycc, ICC_Profile profile, Indexed indexed) {

    public Decoded(Pixels pixels, ICC_Profile profile) {
        this(pixels, null, profile, null);
    }

    public Decoded(Pixels pixels, YccPlanes ycc, ICC_Profile profile) {
        this(pixels, ycc, profile, null);
    }

    public Decoded(Indexed indexed, ICC_Profile profile) {
        this(null, null, profile, indexed);
    }

    public Decoded {
        int present = (pixels == null ? 0 : 1) + (ycc == null ? 0 : 1) + (indexed == null ? 0 : 1);
        if (present != 1) {
            throw new IllegalArgumentException("decoded: expected one of pixels, YCbCr planes or palette indexes");
        }
    }
}
