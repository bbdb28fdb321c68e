package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;

import java.awt.Point;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Converts CMYK ink values to sRGB through the JPEG's embedded CMYK ICC profile (LCMS). */
final class CmykProfiles {

    private CmykProfiles() {
    }

    /** {@code ink} holds 4 bytes per pixel, C, M, Y, K with 0 meaning no ink. */
    static Pixels toSrgb(byte[] ink, int width, int height, ICC_Profile cmyk) {
        WritableRaster source = Raster.createInterleavedRaster(new DataBufferByte(ink, ink.length), width, height,
                width * 4, 4, new int[] {0, 1, 2, 3}, new Point());
        Pixels rgb = Pixels.allocate(width, height, 3);
        WritableRaster target = BufferedImages.wrap(rgb).getRaster();
        ColorConvertOp op = new ColorConvertOp(new ICC_ColorSpace(cmyk),
                BufferedImages.wrap(rgb).getColorModel().getColorSpace(), null);
        op.filter(source, target);
        return rgb;
    }
}
