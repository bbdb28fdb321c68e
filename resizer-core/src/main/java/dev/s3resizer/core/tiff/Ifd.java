package dev.s3resizer.core.tiff;

import dev.s3resizer.core.CorruptImageException;

/**
 * The first image file directory of a TIFF, read for the layouts {@link TiffDecoder} handles:
 * 8-bit chunky gray, gray+alpha, RGB or RGBA in strips or tiles, uncompressed, LZW, deflate or PackBits,
 * with or without horizontal differencing. Anything else raises {@link UnsupportedTiffException}.
 *
 * <p>{@code Ifd ifd = Ifd.read(bytes); long[] offsets = ifd.offsets();}
 */
final class Ifd {

    static final int NONE = 1;
    static final int LZW = 5;
    static final int DEFLATE = 8;
    static final int OLD_DEFLATE = 32946;
    static final int PACKBITS = 32773;

    private final byte[] tiff;
    private final boolean big;
    int width;
    int height;
    int samples = 1;
    int compression = NONE;
    int photometric = -1;
    int predictor = 1;
    int rowsPerStrip = Integer.MAX_VALUE;
    int tileWidth;
    int tileHeight;
    /** 0 none, 1 associated (premultiplied) alpha, 2 unassociated alpha. */
    int extraSample = -1;
    long[] offsets;
    long[] byteCounts;
    int iccAt = -1;
    int iccLength;
    private long[] bitsPerSample = {1};
    private boolean unsupported;
    private String why;

    private Ifd(byte[] tiff) {
        this.tiff = tiff;
        this.big = tiff[0] == 'M';
    }

    static Ifd read(byte[] tiff) {
        if (tiff.length < 8 || u16(tiff, 2, tiff[0] == 'M') == 43) {
            throw new UnsupportedTiffException("BigTIFF files are not decoded here");
        }
        Ifd ifd = new Ifd(tiff);
        ifd.parse();
        ifd.check();
        return ifd;
    }

    boolean tiled() {
        return tileWidth > 0;
    }

    private void parse() {
        long at = u32(4);
        if (at < 8 || at + 2 > tiff.length) {
            throw new CorruptImageException("TIFF: the first directory lies outside the file");
        }
        int entries = u16(tiff, (int) at, big);
        for (int i = 0; i < entries; i++) {
            int entry = (int) at + 2 + i * 12;
            if (entry + 12 > tiff.length) {
                throw new CorruptImageException("TIFF: the first directory runs past the end of the file");
            }
            entry(u16(tiff, entry, big), u16(tiff, entry + 2, big), u32(entry + 4), entry + 8);
        }
    }

    private void entry(int tag, int type, long count, int value) {
        switch (tag) {
            case 256 -> width = (int) scalar(type, value);
            case 257 -> height = (int) scalar(type, value);
            case 258 -> bitsPerSample = array(type, count, value);
            case 259 -> compression = (int) scalar(type, value);
            case 262 -> photometric = (int) scalar(type, value);
            case 266 -> refuseUnless(scalar(type, value) == 1, "fill order 2 (bits reversed) is not decoded here");
            case 273, 324 -> offsets = array(type, count, value);
            case 277 -> samples = (int) scalar(type, value);
            case 278 -> rowsPerStrip = (int) Math.min(Integer.MAX_VALUE, scalar(type, value));
            case 279, 325 -> byteCounts = array(type, count, value);
            case 284 -> refuseUnless(scalar(type, value) == 1, "planar (separate-plane) images are not decoded here");
            case 317 -> predictor = (int) scalar(type, value);
            case 322 -> tileWidth = (int) scalar(type, value);
            case 323 -> tileHeight = (int) scalar(type, value);
            case 338 -> extraSample = count == 1 ? (int) scalar(type, value) : 99;
            case 339 -> refuseUnless(all(array(type, count, value), 1), "non-integer samples are not decoded here");
            case 34675 -> {
                iccAt = (int) (count > 4 ? u32(value) : value);
                iccLength = (int) count;
            }
            default -> { }
        }
    }

    private void check() {
        for (long bits : bitsPerSample) {
            refuseUnless(bits == 8, bits + "-bit samples are not decoded here");
        }
        refuseUnless(photometric == 1 && (samples == 1 || samples == 2)
                || photometric == 2 && (samples == 3 || samples == 4), "photometric interpretation " + photometric
                + " with " + samples + " samples is not decoded here");
        refuseUnless(samples == 1 || samples == 3 || extraSample == 2 || extraSample == 0,
                "alpha other than one unassociated extra sample is not decoded here");
        refuseUnless(compression == NONE || compression == LZW || compression == DEFLATE
                || compression == OLD_DEFLATE || compression == PACKBITS, "compression " + compression
                + " is not decoded here");
        refuseUnless(predictor == 1 || predictor == 2, "predictor " + predictor + " is not decoded here");
        if (unsupported) {
            throw new UnsupportedTiffException(why);
        }
        if (width <= 0 || height <= 0 || offsets == null || byteCounts == null
                || offsets.length != byteCounts.length || tiled() && tileHeight <= 0) {
            throw new CorruptImageException("TIFF: the first directory lacks the size or the strip/tile offsets "
                    + "and byte counts; the file is damaged");
        }
        long blocks = tiled()
                ? (long) ceilDiv(width, tileWidth) * ceilDiv(height, tileHeight)
                : ceilDiv(height, Math.max(1, rowsPerStrip));
        if (offsets.length < blocks) {
            throw new CorruptImageException("TIFF: the first directory lists " + offsets.length + " strips or tiles "
                    + "where the image needs " + blocks + "; the file is damaged");
        }
        rowsPerStrip = Math.max(1, Math.min(rowsPerStrip, height));
    }

    private static boolean all(long[] values, long value) {
        for (long v : values) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private void refuseUnless(boolean ok, String reason) {
        if (!ok && !unsupported) {
            unsupported = true;
            why = reason;
        }
    }

    private long scalar(int type, int value) {
        return type == 3 ? u16(tiff, value, big) : u32(value);
    }

    /** The values of an entry (SHORT or LONG), inline when they fit in its 4 bytes. */
    private long[] array(int type, long count, int value) {
        int size = type == 3 ? 2 : 4;
        if (type != 3 && type != 4 || count <= 0 || count > tiff.length) {
            throw new CorruptImageException("TIFF: a strip/tile table or sample size has type " + type
                    + " and " + count + " values; the file is damaged");
        }
        long at = count * size <= 4 ? value : u32(value);
        if (at < 0 || at + count * size > tiff.length) {
            throw new CorruptImageException("TIFF: a table of " + count + " values runs past the end of the file");
        }
        long[] values = new long[(int) count];
        for (int i = 0; i < count; i++) {
            int p = (int) at + i * size;
            values[i] = size == 2 ? u16(tiff, p, big) : u32(p);
        }
        return values;
    }

    private long u32(int at) {
        return (long) u16(tiff, big ? at : at + 2, big) << 16 | u16(tiff, big ? at + 2 : at, big);
    }

    private static int u16(byte[] b, int at, boolean big) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return big ? x << 8 | y : y << 8 | x;
    }
}
