package dev.s3resizer.core.tiff;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoFallback;
import dev.s3resizer.core.pixels.Pixels;

import java.awt.color.ICC_Profile;
import java.util.Arrays;

/**
 * Decodes the common TIFFs (8-bit chunky gray, gray+alpha, RGB or RGBA with unassociated alpha;
 * strips or tiles; uncompressed, LZW or deflate; with or without horizontal differencing) straight
 * into {@link Pixels}: each strip decompresses into its rows of the output, the only image-sized
 * allocation, with the same channel layout ImageIO gives. The embedded ICC profile, if any, is
 * attached. Other TIFFs raise {@link UnsupportedTiffException}, for {@link #withImageIoFallback} to
 * hand to ImageIO (TwelveMonkeys). Thread-safe.
 *
 * <p>{@code Decoded d = new TiffDecoder().decode(bytes, info, 1, 1);}
 */
public final class TiffDecoder implements Decoder {

    /** The pipeline's TIFF decoder: this one, with ImageIO for every other layout. */
    public static Decoder withImageIoFallback() {
        return new ImageIoFallback("TIFF", new TiffDecoder(), UnsupportedTiffException.class);
    }

    /** Decodes at full size: TIFF has no cheaper smaller scale. */
    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        Ifd ifd = Ifd.read(data);
        int channels = ifd.samples == 2 ? 4 : ifd.samples;
        Pixels pixels = Pixels.allocate(ifd.width, ifd.height, channels);
        try (Blocks blocks = new Blocks(data, ifd)) {
            if (ifd.tiled()) {
                tiles(blocks, ifd, pixels.data());
            } else {
                strips(blocks, ifd, pixels.data());
            }
        }
        if (ifd.samples == 2) {
            grayAlphaToRgba(pixels.data(), ifd.width * ifd.height);
        }
        return new Decoded(pixels, info.hasIccProfile() ? profile(data, ifd) : null);
    }

    private static void strips(Blocks blocks, Ifd ifd, byte[] out) {
        int rowBytes = ifd.width * ifd.samples;
        for (int s = 0, y = 0; y < ifd.height; s++, y += ifd.rowsPerStrip) {
            int rows = Math.min(ifd.rowsPerStrip, ifd.height - y);
            blocks.read(s, out, y * rowBytes, rows * rowBytes, rowBytes);
        }
    }

    private static void tiles(Blocks blocks, Ifd ifd, byte[] out) {
        int tileRow = ifd.tileWidth * ifd.samples;
        byte[] tile = new byte[Math.multiplyExact(tileRow, ifd.tileHeight)];
        int rowBytes = ifd.width * ifd.samples;
        int across = Ifd.ceilDiv(ifd.width, ifd.tileWidth);
        for (int ty = 0, t = 0; ty < ifd.height; ty += ifd.tileHeight) {
            int rows = Math.min(ifd.tileHeight, ifd.height - ty);
            for (int tx = 0; tx < across; tx++, t++) {
                blocks.read(t, tile, 0, tile.length, tileRow);
                int x = tx * ifd.tileWidth;
                int bytes = Math.min(ifd.tileWidth, ifd.width - x) * ifd.samples;
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(tile, r * tileRow, out, (ty + r) * rowBytes + x * ifd.samples, bytes);
                }
            }
        }
    }

    /** Spreads {@code n} gray+alpha pairs, packed at the start of {@code data}, to RGBA, back to front. */
    private static void grayAlphaToRgba(byte[] data, int n) {
        for (int i = n - 1; i >= 0; i--) {
            byte gray = data[2 * i];
            byte alpha = data[2 * i + 1];
            int o = 4 * i;
            data[o] = gray;
            data[o + 1] = gray;
            data[o + 2] = gray;
            data[o + 3] = alpha;
        }
    }

    /** The embedded profile, or null (sRGB) when it is missing or unreadable, as ImageIO then does. */
    private static ICC_Profile profile(byte[] data, Ifd ifd) {
        if (ifd.iccAt < 0 || ifd.iccLength <= 0 || (long) ifd.iccAt + ifd.iccLength > data.length) {
            return null;
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(Arrays.copyOfRange(data, ifd.iccAt,
                    ifd.iccAt + ifd.iccLength));
            return profile.getNumComponents() == (ifd.samples >= 3 ? 3 : 1) ? profile : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
