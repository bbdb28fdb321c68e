package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.UnsupportedImageException;

/** Reads IFD0 of a TIFF (size, orientation, photometric, ICC) and counts the IFD chain. */
final class TiffHeader {

    private static final int MAX_PAGES = 100_000;
    /** Gray, RGB or CMYK with a few extra (alpha) channels; more makes the pixel limit meaningless. */
    private static final int MAX_SAMPLES = 8;

    private TiffHeader() {
    }

    static ImageInfo read(ByteView b) {
        boolean big = b.ascii(0, "MM");
        long ifd = b.u32(4, big);
        if (ifd < 8 || ifd >= b.length()) {
            throw new CorruptImageException("TIFF: first directory offset " + ifd + " is outside the file");
        }
        long width = -1;
        long height = -1;
        int orientation = 1;
        boolean icc = false;
        boolean cmyk = false;
        long samples = 1;
        int at = (int) ifd;
        int entries = b.u16(at, big);
        for (int i = 0; i < entries && i < 4096; i++) {
            int entry = at + 2 + i * 12;
            int tag = b.u16(entry, big);
            int type = b.u16(entry + 2, big);
            long value = type == 3 ? b.u16(entry + 8, big) : b.u32(entry + 8, big);
            switch (tag) {
                case 256 -> width = value;
                case 257 -> height = value;
                case 262 -> cmyk = value == 5;
                case 274 -> orientation = value >= 1 && value <= 8 ? (int) value : 1;
                case 277 -> samples = value;
                case 34675 -> icc = true;
                default -> { }
            }
        }
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new CorruptImageException("TIFF: first directory declares an invalid size " + width + "x" + height);
        }
        if (samples > MAX_SAMPLES) {
            throw new UnsupportedImageException("TIFF: " + samples + " samples per pixel, at most " + MAX_SAMPLES
                    + " are supported; decoding would take " + samples + " bytes for every pixel");
        }
        return new ImageInfo(ImageFormat.TIFF, (int) width, (int) height, countPages(b, big, ifd),
                orientation, icc, cmyk);
    }

    private static int countPages(ByteView b, boolean big, long ifd) {
        int pages = 0;
        long at = ifd;
        while (at >= 8 && at < b.length() && pages < MAX_PAGES) {
            pages++;
            int entries = b.u16((int) at, big);
            if (entries < 0) {
                break;
            }
            long next = b.u32((int) at + 2 + entries * 12, big);
            if (next <= at) {
                break;
            }
            at = next;
        }
        return Math.max(pages, 1);
    }
}
