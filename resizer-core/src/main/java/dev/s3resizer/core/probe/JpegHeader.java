package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;

/** Walks JPEG marker segments up to the frame header: SOFn size and components, EXIF, ICC, Adobe. */
final class JpegHeader {

    private JpegHeader() {
    }

    static ImageInfo read(ByteView b) {
        int at = 2;
        int orientation = 1;
        boolean icc = false;
        while (at + 4 <= b.length()) {
            if (b.u8(at) != 0xFF) {
                throw new CorruptImageException("JPEG: expected a marker at byte " + at);
            }
            int marker = b.u8(at + 1);
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break;
            }
            int length = b.u16(at + 2, true);
            if (length < 2) {
                break;
            }
            int body = at + 4;
            if (marker == 0xE1 && b.ascii(body, "Exif\0\0")) {
                orientation = ExifOrientation.read(b, body + 6);
            } else if (marker == 0xE2 && b.ascii(body, "ICC_PROFILE\0")) {
                icc = true;
            } else if (isStartOfFrame(marker)) {
                int height = b.u16(body + 1, true);
                int width = b.u16(body + 3, true);
                int components = b.u8(body + 5);
                if (width <= 0 || height <= 0 || components < 1) {
                    throw new CorruptImageException("JPEG: frame header declares " + width + "x" + height
                            + " with " + components + " components");
                }
                return new ImageInfo(ImageFormat.JPEG, width, height, 1, orientation, icc,
                        components == 4);
            }
            at = body + length - 2;
        }
        throw new CorruptImageException("JPEG: no frame header (SOF) found; the file is truncated or not a JPEG");
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
