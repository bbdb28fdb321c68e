package dev.s3resizer.core.decode;

import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;

import java.awt.color.ICC_Profile;

/**
 * Decoded pixels in stored orientation, possibly smaller than the stored size (shrink-on-load):
 * either interleaved {@code pixels} or, from a YCbCr JPEG asked with a {@link DecodeRequest},
 * the {@code ycc} planes as stored; the other one is null.
 *
 * @param pixels  8-bit gray, RGB or RGBA, or null
 * @param ycc     Y, Cb and Cr planes, or null
 * @param profile the colour space the RGB values (or the planes' YCbCr-coded RGB) are in, or null for sRGB
 */
public record Decoded(Pixels pixels, YccPlanes ycc, ICC_Profile profile) {

    public Decoded(Pixels pixels, ICC_Profile profile) {
        this(pixels, null, profile);
    }

    public Decoded {
        if ((pixels == null) == (ycc == null)) {
            throw new IllegalArgumentException("decoded: expected either pixels or YCbCr planes");
        }
    }
}
