package dev.s3resizer.core.bmp;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoFallback;
import dev.s3resizer.core.pixels.Pixels;

/**
 * Decodes the BMPs most files are (uncompressed 24-bit BGR, or 8-bit with a palette; bottom-up or
 * top-down rows) straight into RGB {@link Pixels} (gray for the 256-level gray ramp palette), as
 * the JDK's reader gives them. Other flavours
 * raise {@link UnsupportedBmpException}, for {@link #withImageIoFallback} to hand to ImageIO.
 * Thread-safe.
 *
 * <p>{@code Decoded d = new BmpDecoder().decode(bytes, info, 1, 1);}
 */
public final class BmpDecoder implements Decoder {

    private static final int FILE_HEADER = 14;

    /** The pipeline's BMP decoder: this one, with ImageIO for the other flavours. */
    public static Decoder withImageIoFallback() {
        return new ImageIoFallback("BMP", new BmpDecoder(), UnsupportedBmpException.class);
    }

    @Override
    public Decoded decode(byte[] bmp, ImageInfo info, int minWidth, int minHeight) {
        if (bmp.length < FILE_HEADER + 40) {
            throw new CorruptImageException("BMP: the file ends inside its headers; it is truncated");
        }
        int dataAt = s32(bmp, 10);
        int headerSize = s32(bmp, FILE_HEADER);
        if (headerSize != 40 && headerSize != 108 && headerSize != 124) {
            throw new UnsupportedBmpException("a " + headerSize + "-byte info header is not decoded here");
        }
        int width = s32(bmp, 18);
        int rawHeight = s32(bmp, 22);
        int bits = u16(bmp, 28);
        int compression = s32(bmp, 30);
        if (compression != 0 || bits != 24 && bits != 8) {
            throw new UnsupportedBmpException(bits + "-bit pixels with compression " + compression
                    + " are not decoded here");
        }
        boolean topDown = rawHeight < 0;
        int height = Math.abs(rawHeight);
        if (width <= 0 || height <= 0 || rawHeight == Integer.MIN_VALUE) {
            throw new CorruptImageException("BMP: the header declares an invalid size " + width + "x" + rawHeight);
        }
        long rowBytes = ((long) width * bits + 31) / 32 * 4;
        if (dataAt < 0 || dataAt + rowBytes * height > bmp.length) {
            throw new CorruptImageException("BMP: the pixel data (" + rowBytes * height + " bytes at " + dataAt
                    + ") runs past the end of the " + bmp.length + "-byte file; it is truncated");
        }
        byte[] palette = bits == 8 ? palette(bmp, FILE_HEADER + headerSize, s32(bmp, 46), dataAt) : null;
        boolean gray = palette != null && grayRamp(palette);
        if (!gray && palette != null && grayEntries(palette)) {
            throw new UnsupportedBmpException("a gray palette other than the 256-level ramp is not decoded here");
        }
        Pixels pixels = Pixels.allocate(width, height, gray ? 1 : 3);
        byte[] out = pixels.data();
        for (int y = 0; y < height; y++) {
            int from = (int) (dataAt + rowBytes * (topDown ? y : height - 1 - y));
            int to = y * width * pixels.channels();
            if (gray) {
                System.arraycopy(bmp, from, out, to, width);
            } else if (palette == null) {
                for (int x = 0, s = from, o = to; x < width; x++, s += 3, o += 3) {
                    out[o] = bmp[s + 2];
                    out[o + 1] = bmp[s + 1];
                    out[o + 2] = bmp[s];
                }
            } else {
                for (int x = 0, o = to; x < width; x++, o += 3) {
                    int e = (bmp[from + x] & 0xFF) * 3;
                    out[o] = palette[e];
                    out[o + 1] = palette[e + 1];
                    out[o + 2] = palette[e + 2];
                }
            }
        }
        return new Decoded(pixels, null);
    }

    /** 256 RGB entries from the BGRX table; entries past the stored ones are black. */
    private static byte[] palette(byte[] bmp, int at, int used, int dataAt) {
        int entries = used <= 0 || used > 256 ? 256 : used;
        entries = Math.min(entries, Math.max(0, (dataAt - at) / 4));
        byte[] rgb = new byte[256 * 3];
        for (int i = 0; i < entries; i++) {
            rgb[i * 3] = bmp[at + i * 4 + 2];
            rgb[i * 3 + 1] = bmp[at + i * 4 + 1];
            rgb[i * 3 + 2] = bmp[at + i * 4];
        }
        return rgb;
    }

    /** Entry i is (i, i, i) for every i: the JDK reader then gives a gray image of the indexes. */
    private static boolean grayRamp(byte[] rgb) {
        for (int i = 0; i < 256 * 3; i++) {
            if ((rgb[i] & 0xFF) != i / 3) {
                return false;
            }
        }
        return true;
    }

    private static boolean grayEntries(byte[] rgb) {
        for (int i = 0; i < 256 * 3; i += 3) {
            if (rgb[i] != rgb[i + 1] || rgb[i] != rgb[i + 2]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int s32(byte[] b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }
}
