package dev.s3resizer.core.decode;

import dev.s3resizer.core.pixels.Pixels;

import java.awt.color.ICC_Profile;

/**
 * Decoded pixels in stored orientation, possibly smaller than the stored size (shrink-on-load).
 *
 * @param pixels  8-bit gray, RGB or RGBA
 * @param profile the colour space the RGB values are in, or null for sRGB
 */
public record Decoded(Pixels pixels, ICC_Profile profile) {
}
