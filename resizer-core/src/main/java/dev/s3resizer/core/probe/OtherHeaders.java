package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;

/** Headers simple enough for a few lines each: BMP and the ISO-BMFF family (HEIC, AVIF). */
final class OtherHeaders {

    private OtherHeaders() {
    }

    static ImageInfo bmp(ByteView b) {
        long width = b.u32(18, false);
        long height = b.u32(22, false);
        if (height > Integer.MAX_VALUE) {
            // Negative: a top-down bitmap; -2^31 has no positive int, and stays refused below.
            height = (1L << 32) - height;
        }
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new CorruptImageException("BMP: header declares an invalid size " + width + "x" + height);
        }
        return new ImageInfo(ImageFormat.BMP, (int) width, (int) height, 1, 1, false, false);
    }

    /** HEIC/AVIF: reads the first 'ispe' (image spatial extents) property if one is near the start. */
    static ImageInfo heif(ByteView b, ImageFormat format) {
        int limit = Math.min(b.length() - 16, 1 << 16);
        for (int at = 12; at < limit; at++) {
            if (b.ascii(at, "ispe")) {
                long width = b.u32(at + 8, true);
                long height = b.u32(at + 12, true);
                if (width > 0 && height > 0 && width <= Integer.MAX_VALUE && height <= Integer.MAX_VALUE) {
                    return new ImageInfo(format, (int) width, (int) height, 1, 1, false, false);
                }
            }
        }
        return new ImageInfo(format, 1, 1, 1, 1, false, false);
    }
}
