package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;

import java.awt.Point;
import java.awt.color.CMMException;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ProfileDataException;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Converts CMYK ink values to sRGB through the JPEG's embedded CMYK ICC profile (LCMS). A profile
 * the engine cannot use is ignored with a warning and the ink converted by the naive formula, as
 * for an untagged CMYK JPEG: the pixels are intact, only their colour description is damaged.
 */
final class CmykProfiles {

    private static final System.Logger LOG = System.getLogger(CmykProfiles.class.getName());

    private CmykProfiles() {
    }

    /** {@code ink} holds 4 bytes per pixel, C, M, Y, K with 0 meaning no ink. */
    static Pixels toSrgb(byte[] ink, int width, int height, ICC_Profile cmyk) {
        WritableRaster source = Raster.createInterleavedRaster(new DataBufferByte(ink, ink.length), width, height,
                width * 4, 4, new int[] {0, 1, 2, 3}, new Point());
        Pixels rgb = Pixels.allocate(width, height, 3);
        WritableRaster target = BufferedImages.wrap(rgb).getRaster();
        try {
            ColorConvertOp op = new ColorConvertOp(new ICC_ColorSpace(cmyk),
                    BufferedImages.wrap(rgb).getColorModel().getColorSpace(), null);
            op.filter(source, target);
        } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "the embedded CMYK ICC profile cannot be used ({0}); "
                    + "converting the ink without it", e.getMessage());
            naive(ink, rgb.data());
        }
        return rgb;
    }

    /** RGB = (255 - ink) x (255 - K) / 255, the conversion of an untagged CMYK JPEG. */
    private static void naive(byte[] ink, byte[] rgb) {
        for (int i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
            int paper = 255 - (ink[i + 3] & 0xFF);
            for (int c = 0; c < 3; c++) {
                rgb[o + c] = (byte) ((255 - (ink[i + c] & 0xFF)) * paper / 255);
            }
        }
    }
}
