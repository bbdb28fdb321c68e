package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;

/**
 * Reads the size from a WebP's VP8, VP8L or VP8X chunk and counts ANMF animation frames. The size
 * reported covers the canvas and the first frame's own bitstream, which the decoder allocates at
 * its declared size even when the canvas is smaller, so the pixel limit must see it.
 */
final class WebpHeader {

    private WebpHeader() {
    }

    static ImageInfo read(ByteView b) {
        int[] size = {-1, -1};
        int frames = 0;
        int orientation = 1;
        boolean icc = false;
        int at = 12;
        while (at + 8 <= b.length()) {
            long length = b.u32(at + 4, false);
            if (length < 0 || length > Integer.MAX_VALUE - 16) {
                break;
            }
            int body = at + 8;
            if (b.ascii(at, "VP8X")) {
                icc = (b.u8(body) & 0x20) != 0;
                grow(size, b.u24le(body + 4) + 1, b.u24le(body + 7) + 1);
            } else if (b.ascii(at, "ANMF")) {
                if (frames++ == 0) {
                    firstFrame(b, body, (int) length, size);
                }
            } else if (b.ascii(at, "EXIF")) {
                int tiff = b.ascii(body, "Exif\0\0") ? body + 6 : body;
                orientation = ExifOrientation.read(b, tiff);
            } else {
                bitstream(b, at, size);
            }
            at = body + (int) length + (int) (length & 1);
        }
        if (size[0] <= 0 || size[1] <= 0) {
            throw new CorruptImageException("WebP: no VP8, VP8L or VP8X chunk with a valid size");
        }
        return new ImageInfo(ImageFormat.WEBP, size[0], size[1], Math.max(frames, 1), orientation, icc, false);
    }

    /** An ANMF frame: its rectangle on the canvas, then its nested ALPH and VP8/VP8L chunks. */
    private static void firstFrame(ByteView b, int body, int length, int[] size) {
        if (b.u24le(body + 9) >= 0) {
            grow(size, 2 * b.u24le(body) + b.u24le(body + 6) + 1, 2 * b.u24le(body + 3) + b.u24le(body + 9) + 1);
        }
        int at = body + 16;
        for (int chunk = 0; chunk < 3 && at + 8 <= Math.min(b.length(), body + length); chunk++) {
            bitstream(b, at, size);
            long nested = b.u32(at + 4, false);
            if (nested < 0 || nested > length) {
                return;
            }
            at += 8 + (int) nested + (int) (nested & 1);
        }
    }

    /**
     * Grows {@code size} to a VP8 or VP8L bitstream's declared size, when the chunk at {@code at} is
     * one. A lossy bitstream must open with a key frame and its start code (RFC 6386, 9.1), a
     * lossless one with its signature byte (RFC 9649, 3.2): without them the decoder reads noise as
     * pixels, so the file is refused as corrupt.
     */
    private static void bitstream(ByteView b, int at, int[] size) {
        int body = at + 8;
        if (b.ascii(at, "VP8 ") && b.u16(body + 8, false) >= 0) {
            if ((b.u8(body) & 1) != 0) {
                throw new CorruptImageException("WebP: the VP8 bitstream does not start with a key frame");
            }
            if (b.u8(body + 3) != 0x9D || b.u8(body + 4) != 0x01 || b.u8(body + 5) != 0x2A) {
                throw new CorruptImageException(String.format(java.util.Locale.ROOT,
                        "WebP: bad VP8 start code %02x %02x %02x (expected 9d 01 2a)",
                        b.u8(body + 3), b.u8(body + 4), b.u8(body + 5)));
            }
            grow(size, b.u16(body + 6, false) & 0x3FFF, b.u16(body + 8, false) & 0x3FFF);
        } else if (b.ascii(at, "VP8L") && b.u32(body + 1, false) >= 0) {
            if (b.u8(body) != 0x2F) {
                throw new CorruptImageException(String.format(java.util.Locale.ROOT,
                        "WebP: bad VP8L signature %02x (expected 2f)", b.u8(body)));
            }
            long bits = b.u32(body + 1, false);
            grow(size, (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
        }
    }

    private static void grow(int[] size, int width, int height) {
        size[0] = Math.max(size[0], width);
        size[1] = Math.max(size[1], height);
    }
}
