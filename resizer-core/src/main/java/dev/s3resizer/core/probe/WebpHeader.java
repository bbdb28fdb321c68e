package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;

/** Reads the size from a WebP's VP8, VP8L or VP8X chunk and counts ANMF animation frames. */
final class WebpHeader {

    private WebpHeader() {
    }

    static ImageInfo read(ByteView b) {
        int width = -1;
        int height = -1;
        int frames = 0;
        int orientation = 1;
        boolean icc = false;
        int at = 12;
        while (at + 8 <= b.length()) {
            long size = b.u32(at + 4, false);
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                break;
            }
            int body = at + 8;
            if (b.ascii(at, "VP8X")) {
                icc = (b.u8(body) & 0x20) != 0;
                width = b.u24le(body + 4) + 1;
                height = b.u24le(body + 7) + 1;
            } else if (b.ascii(at, "VP8 ") && width < 0 && b.u16(body + 8, false) >= 0) {
                width = b.u16(body + 6, false) & 0x3FFF;
                height = b.u16(body + 8, false) & 0x3FFF;
            } else if (b.ascii(at, "VP8L") && width < 0 && b.u32(body + 1, false) >= 0) {
                long bits = b.u32(body + 1, false);
                width = (int) (bits & 0x3FFF) + 1;
                height = (int) ((bits >> 14) & 0x3FFF) + 1;
            } else if (b.ascii(at, "ANMF")) {
                frames++;
            } else if (b.ascii(at, "EXIF")) {
                int tiff = b.ascii(body, "Exif\0\0") ? body + 6 : body;
                orientation = ExifOrientation.read(b, tiff);
            }
            at = body + (int) size + (int) (size & 1);
        }
        if (width <= 0 || height <= 0) {
            throw new CorruptImageException("WebP: no VP8, VP8L or VP8X chunk with a valid size");
        }
        return new ImageInfo(ImageFormat.WEBP, width, height, Math.max(frames, 1), orientation, icc, false);
    }
}
