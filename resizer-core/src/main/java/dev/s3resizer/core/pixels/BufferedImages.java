package dev.s3resizer.core.pixels;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Views {@link Pixels} as a {@link BufferedImage} without copying, for the JDK codecs and colour ops. */
public final class BufferedImages {

    private BufferedImages() {
    }

    /** Wraps in sRGB (or gray for one channel). */
    public static BufferedImage wrap(Pixels pixels) {
        return wrap(pixels, pixels.channels() == 1
                ? ColorSpace.getInstance(ColorSpace.CS_GRAY)
                : ColorSpace.getInstance(ColorSpace.CS_sRGB));
    }

    /** Wraps in the given colour space; alpha, when present, is the last band. */
    public static BufferedImage wrap(Pixels pixels, ColorSpace space) {
        int c = pixels.channels();
        boolean alpha = pixels.hasAlpha();
        ComponentColorModel model = new ComponentColorModel(space, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        int[] offsets = new int[c];
        for (int i = 0; i < c; i++) {
            offsets[i] = i;
        }
        DataBufferByte buffer = new DataBufferByte(pixels.data(), pixels.width() * pixels.height() * c);
        WritableRaster raster = Raster.createInterleavedRaster(buffer, pixels.width(), pixels.height(),
                pixels.stride(), c, offsets, null);
        return new BufferedImage(model, raster, false, null);
    }
}
