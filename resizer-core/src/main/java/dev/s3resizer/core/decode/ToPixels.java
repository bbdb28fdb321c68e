package dev.s3resizer.core.decode;

import dev.s3resizer.core.pixels.Pixels;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Copies a decoded {@link BufferedImage} of any layout into 8-bit interleaved {@link Pixels},
 * keeping gray as gray, reducing 16-bit samples to 8 and remembering a non-sRGB ICC profile.
 */
final class ToPixels {

    private ToPixels() {
    }

    static Decoded convert(BufferedImage image) {
        ColorModel model = image.getColorModel();
        ColorSpace space = model.getColorSpace();
        switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                return new Decoded(fromInts(image), profileOf(space));
            }
            case BufferedImage.TYPE_3BYTE_BGR -> {
                return new Decoded(fromBgr(image), profileOf(space));
            }
            default -> { }
        }
        if (model instanceof ComponentColorModel && !model.isAlphaPremultiplied()
                && (space.getType() == ColorSpace.TYPE_GRAY || space.getType() == ColorSpace.TYPE_RGB)) {
            return new Decoded(fromComponents(image), space.getType() == ColorSpace.TYPE_GRAY ? null : profileOf(space));
        }
        if (model instanceof IndexColorModel) {
            return new Decoded(fromArgb(image, model.getTransparency() != ColorModel.OPAQUE), null);
        }
        return new Decoded(fromArgb(image, model.hasAlpha()), null);
    }

    private static ICC_Profile profileOf(ColorSpace space) {
        if (space.isCS_sRGB() || !(space instanceof ICC_ColorSpace icc)) {
            return null;
        }
        return icc.getProfile();
    }

    private static Pixels fromInts(BufferedImage image) {
        boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int c = alpha ? 4 : 3;
        Pixels out = Pixels.allocate(image.getWidth(), image.getHeight(), c);
        byte[] dst = out.data();
        int n = image.getWidth() * image.getHeight();
        for (int i = 0, o = 0; i < n; i++, o += c) {
            int p = src[i];
            dst[o] = (byte) (p >> 16);
            dst[o + 1] = (byte) (p >> 8);
            dst[o + 2] = (byte) p;
            if (alpha) {
                dst[o + 3] = (byte) (p >>> 24);
            }
        }
        return out;
    }

    private static Pixels fromBgr(BufferedImage image) {
        byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Pixels out = Pixels.allocate(image.getWidth(), image.getHeight(), 3);
        byte[] dst = out.data();
        int n = image.getWidth() * image.getHeight() * 3;
        for (int i = 0; i < n; i += 3) {
            dst[i] = src[i + 2];
            dst[i + 1] = src[i + 1];
            dst[i + 2] = src[i];
        }
        return out;
    }

    /** Gray, gray+alpha, RGB or RGBA samples of any bit depth, read band by band from the raster. */
    private static Pixels fromComponents(BufferedImage image) {
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int bands = raster.getNumBands();
        boolean gray = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        boolean alpha = model.hasAlpha();
        int c = gray && !alpha ? 1 : alpha ? 4 : 3;
        int w = image.getWidth();
        int h = image.getHeight();
        int[] shift = new int[bands];
        for (int b = 0; b < bands; b++) {
            shift[b] = Math.max(0, model.getComponentSize(b) - 8);
        }
        Pixels direct = interleaved(raster, c, bands);
        if (direct != null) {
            return direct;
        }
        Pixels out = Pixels.allocate(w, h, c);
        byte[] dst = out.data();
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            int o = y * w * c;
            for (int x = 0, i = 0; x < w; x++, i += bands, o += c) {
                int v0 = row[i] >> shift[0];
                if (gray) {
                    dst[o] = (byte) v0;
                    if (alpha) {
                        dst[o + 1] = (byte) v0;
                        dst[o + 2] = (byte) v0;
                        dst[o + 3] = (byte) (row[i + 1] >> shift[1]);
                    }
                } else {
                    dst[o] = (byte) v0;
                    dst[o + 1] = (byte) (row[i + 1] >> shift[1]);
                    dst[o + 2] = (byte) (row[i + 2] >> shift[2]);
                    if (alpha) {
                        dst[o + 3] = (byte) (row[i + 3] >> shift[3]);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The common decoder layouts (8- or 16-bit samples, pixel-interleaved, one band per output
     * channel) copied straight from the data buffer; null for anything else.
     */
    private static Pixels interleaved(Raster raster, int c, int bands) {
        if (bands != c || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return null;
        }
        DataBuffer buffer = raster.getDataBuffer();
        if (buffer.getNumBanks() != 1 || !(buffer instanceof DataBufferByte || buffer instanceof DataBufferUShort)) {
            return null;
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] offsets = model.getBandOffsets();
        int pixelStride = model.getPixelStride();
        int scanline = model.getScanlineStride();
        int base = buffer.getOffset();
        Pixels out = Pixels.allocate(w, h, c);
        byte[] dst = out.data();
        byte[] bytes = buffer instanceof DataBufferByte b ? b.getData() : null;
        short[] shorts = buffer instanceof DataBufferUShort u ? u.getData() : null;
        for (int y = 0, o = 0; y < h; y++) {
            for (int x = 0, p = base + y * scanline; x < w; x++, p += pixelStride) {
                for (int k = 0; k < c; k++, o++) {
                    dst[o] = bytes != null ? bytes[p + offsets[k]] : (byte) (shorts[p + offsets[k]] >>> 8);
                }
            }
        }
        return out;
    }

    /** Any other layout, through the colour model's own conversion to sRGB ARGB. */
    private static Pixels fromArgb(BufferedImage image, boolean alpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        int c = alpha ? 4 : 3;
        Pixels out = Pixels.allocate(w, h, c);
        byte[] dst = out.data();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w * c;
            for (int x = 0; x < w; x++, o += c) {
                int p = row[x];
                dst[o] = (byte) (p >> 16);
                dst[o + 1] = (byte) (p >> 8);
                dst[o + 2] = (byte) p;
                if (alpha) {
                    dst[o + 3] = (byte) (p >>> 24);
                }
            }
        }
        return out;
    }
}
