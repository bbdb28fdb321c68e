package dev.s3resizer.core.tiff;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.TimeBudget;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.ImageIoFallback;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.resample.BoxRows;

import java.awt.color.ICC_Profile;
import java.util.Arrays;

/**
 * Decodes the common TIFFs (8-bit chunky gray, gray+alpha, RGB or RGBA with unassociated alpha;
 * strips or tiles; uncompressed, LZW, deflate or PackBits; with or without horizontal differencing) straight
 * into {@link Pixels}: each strip or tile decompresses row by row into its place in the output,
 * the only image-sized allocation, with the same channel layout ImageIO gives, differencing undone
 * on each row as it arrives. For a large reduction, rows are box-reduced as they arrive instead
 * (shrink-on-load, {@link #decode(byte[], ImageInfo, DecodeRequest)}). The embedded ICC profile, if any, is
 * attached. Other TIFFs raise {@link UnsupportedTiffException}, for {@link #withImageIoFallback} to
 * hand to ImageIO (TwelveMonkeys). Thread-safe.
 *
 * <p>{@code Decoded d = new TiffDecoder().decode(bytes, info, 1, 1);}
 */
public final class TiffDecoder implements Decoder {

    /** Bytes of rows inflated per call, at least: the buffer of a box-reduced strip. */
    private static final int CHUNK = 128 << 10;

    /** The pipeline's TIFF decoder: this one, with ImageIO for every other layout. */
    public static Decoder withImageIoFallback() {
        return new ImageIoFallback("TIFF", new TiffDecoder(), UnsupportedTiffException.class);
    }

    /** Decodes at full size. */
    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        return decode(data, info, Ifd.read(data), 1, 1);
    }

    /**
     * For the pipeline: an opaque gray or RGB TIFF asked for much less than its size is
     * box-reduced row by row as its strips or tiles decode ({@link BoxRows}), by the factor the
     * resampler's own box stage would take ({@link BoxRows#factor}), so the full-size raster never
     * exists and the pixels are those of decoding in full; anything else decodes at full size.
     */
    @Override
    public Decoded decode(byte[] data, ImageInfo info, DecodeRequest request) {
        Ifd ifd = Ifd.read(data);
        return decode(data, info, ifd, BoxRows.factor(ifd.width, request.minWidth()),
                BoxRows.factor(ifd.height, request.minHeight()));
    }

    /**
     * What {@link #decode(byte[], ImageInfo, DecodeRequest)} holds: the box-reduced raster, its
     * column sums and a band of rows when the TIFF is reduced while it decodes; otherwise the
     * full-size raster, twice when it has alpha (the pipeline premultiplies or flattens a copy);
     * and a tile, and an LZW or PackBits block.
     */
    @Override
    public long memoryNeeded(byte[] data, ImageInfo info, DecodeRequest request) {
        Ifd ifd = Ifd.read(data);
        long rowBytes = (long) ifd.width * ifd.samples;
        long block = ifd.tiled() ? (long) ifd.tileWidth * ifd.samples * ifd.tileHeight : rowBytes * ifd.rowsPerStrip;
        boolean buffered = ifd.compression == Ifd.LZW || ifd.compression == Ifd.PACKBITS;
        long buffers = (buffered ? block : 0) + (ifd.tiled() ? block : 0);
        int fx = BoxRows.factor(ifd.width, request.minWidth());
        int fy = BoxRows.factor(ifd.height, request.minHeight());
        if (boxed(ifd, fx, fy)) {
            long reduced = (long) Ifd.ceilDiv(ifd.width, fx) * Ifd.ceilDiv(ifd.height, fy) * ifd.samples;
            long band = rowBytes * (ifd.tiled() ? ifd.tileHeight : chunkRows(ifd));
            return reduced + rowBytes * Integer.BYTES + band + buffers;
        }
        int channels = channels(ifd);
        long raster = (long) ifd.width * ifd.height * channels;
        return raster * (channels == 4 ? 2 : 1) + buffers;
    }

    private static boolean boxed(Ifd ifd, int fx, int fy) {
        return (fx > 1 || fy > 1) && (ifd.samples == 1 || ifd.samples == 3);
    }

    private static int channels(Ifd ifd) {
        return ifd.samples == 2 ? 4 : ifd.samples;
    }

    private static Decoded decode(byte[] data, ImageInfo info, Ifd ifd, int fx, int fy) {
        int rowBytes = ifd.width * ifd.samples;
        Pixels pixels;
        try (Blocks blocks = new Blocks(data, ifd)) {
            if (boxed(ifd, fx, fy)) {
                BoxRows box = new BoxRows(ifd.width, ifd.height, ifd.samples, fx, fy);
                read(blocks, ifd, Band.boxed(box, rowBytes, ifd.tiled() ? ifd.tileHeight : chunkRows(ifd)));
                pixels = box.pixels();
            } else {
                pixels = Pixels.allocate(ifd.width, ifd.height, channels(ifd));
                read(blocks, ifd, Band.raster(pixels.data(), rowBytes));
                if (ifd.samples == 2) {
                    grayAlphaToRgba(pixels.data(), ifd.width * ifd.height);
                }
            }
        }
        return new Decoded(pixels, info.hasIccProfile() ? profile(data, ifd) : null);
    }

    /**
     * Rows inflated per call: zlib copies each call's output into its window and leaves its fast
     * loop near the end of each output buffer, so a row per call is markedly slower than a whole
     * strip, while bands of about {@link #CHUNK} bytes cost no more and stay in cache for the
     * differencing.
     */
    private static int chunkRows(Ifd ifd) {
        return Math.max(1, Math.min(ifd.rowsPerStrip, CHUNK / (ifd.width * ifd.samples)));
    }

    private static void read(Blocks blocks, Ifd ifd, Band band) {
        if (ifd.tiled()) {
            tiles(blocks, ifd, band);
        } else {
            strips(blocks, ifd, band);
        }
    }

    /** Each strip decoded into its place a band of rows at a time, differencing undone on each row while in cache. */
    private static void strips(Blocks blocks, Ifd ifd, Band band) {
        int rowBytes = ifd.width * ifd.samples;
        int most = Math.min(band.capacity(), chunkRows(ifd));
        for (int s = 0, y = 0; y < ifd.height; s++, y += ifd.rowsPerStrip) {
            TimeBudget.check();
            int end = Math.min(y + ifd.rowsPerStrip, ifd.height);
            blocks.open(s, (end - y) * rowBytes);
            for (int first = y; first < end; first += most) {
                int last = Math.min(first + most, end);
                blocks.next(band.data(), band.begin(first), (last - first) * rowBytes);
                for (int r = first; r < last; r++) {
                    if (ifd.predictor == 2) {
                        Predictor.undo(band.data(), band.offset(r), rowBytes, ifd.samples);
                    }
                    band.done(r);
                }
            }
        }
    }

    /**
     * Each row of tiles decoded across a band: every tile into a buffer, its rows undifferenced
     * there while in cache and copied into place (cut at the right edge), then the band's rows done.
     */
    private static void tiles(Blocks blocks, Ifd ifd, Band band) {
        int s = ifd.samples;
        int tileRow = ifd.tileWidth * s;
        byte[] tile = new byte[Math.multiplyExact(tileRow, ifd.tileHeight)];
        int across = Ifd.ceilDiv(ifd.width, ifd.tileWidth);
        for (int ty = 0, t = 0; ty < ifd.height; ty += ifd.tileHeight) {
            TimeBudget.check();
            int rows = Math.min(ifd.tileHeight, ifd.height - ty);
            band.begin(ty);
            for (int tx = 0; tx < across; tx++, t++) {
                blocks.open(t, tile.length);
                blocks.next(tile, 0, rows * tileRow);
                int x = tx * ifd.tileWidth;
                int bytes = Math.min(ifd.tileWidth, ifd.width - x) * s;
                for (int r = 0; r < rows; r++) {
                    if (ifd.predictor == 2) {
                        Predictor.undo(tile, r * tileRow, tileRow, s);
                    }
                    System.arraycopy(tile, r * tileRow, band.data(), band.offset(ty + r) + x * s, bytes);
                }
            }
            for (int y = ty; y < ty + rows; y++) {
                band.done(y);
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
