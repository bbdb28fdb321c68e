package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;

/** Reads IHDR and walks chunks up to IDAT for iCCP, eXIf orientation and APNG frame count. */
final class PngHeader {

    private PngHeader() {
    }

    static ImageInfo read(ByteView b) {
        if (!b.ascii(12, "IHDR")) {
            throw new CorruptImageException("PNG: IHDR chunk missing; the file is truncated or damaged");
        }
        long width = b.u32(16, true);
        long height = b.u32(20, true);
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new CorruptImageException("PNG: IHDR declares an invalid size " + width + "x" + height);
        }
        int frames = 1;
        int orientation = 1;
        boolean icc = false;
        int at = 8;
        while (at + 8 <= b.length()) {
            long length = b.u32(at, true);
            if (length < 0 || length > Integer.MAX_VALUE - 12) {
                break;
            }
            if (b.ascii(at + 4, "IDAT") || b.ascii(at + 4, "IEND")) {
                break;
            }
            if (b.ascii(at + 4, "iCCP")) {
                icc = true;
            } else if (b.ascii(at + 4, "acTL")) {
                frames = (int) Math.max(1, Math.min(Integer.MAX_VALUE, b.u32(at + 8, true)));
            } else if (b.ascii(at + 4, "eXIf")) {
                orientation = ExifOrientation.read(b, at + 8);
            }
            at += 12 + (int) length;
        }
        return new ImageInfo(ImageFormat.PNG, (int) width, (int) height, frames, orientation, icc, false);
    }
}
