package dev.s3resizer.core.probe;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;

/**
 * Reads the logical screen size and counts image descriptors by skipping data sub-blocks. The
 * size reported covers the first frame too: a frame larger than the screen is decoded at its own
 * size, so the pixel limit must see it.
 */
final class GifHeader {

    private static final int MAX_COUNTED_FRAMES = 100_000;

    private GifHeader() {
    }

    static ImageInfo read(ByteView b) {
        int width = b.u16(6, false);
        int height = b.u16(8, false);
        if (width <= 0 || height <= 0) {
            throw new CorruptImageException("GIF: screen descriptor declares " + width + "x" + height);
        }
        int at = 13 + colorTableSize(b.u8(10));
        int frames = 0;
        while (at < b.length() && frames < MAX_COUNTED_FRAMES) {
            int block = b.u8(at);
            if (block == 0x2C) {
                if (frames == 0) {
                    width = Math.max(width, b.u16(at + 1, false) + b.u16(at + 5, false));
                    height = Math.max(height, b.u16(at + 3, false) + b.u16(at + 7, false));
                }
                frames++;
                at += 10 + colorTableSize(b.u8(at + 9));
                at = skipSubBlocks(b, at + 1);
            } else if (block == 0x21) {
                at = skipSubBlocks(b, at + 2);
            } else {
                break;
            }
        }
        return new ImageInfo(ImageFormat.GIF, width, height, Math.max(frames, 1), 1, false, false);
    }

    private static int colorTableSize(int packed) {
        return packed >= 0 && (packed & 0x80) != 0 ? 3 << ((packed & 7) + 1) : 0;
    }

    /**
     * Skips data sub-blocks (a size byte, then that many bytes) up to the empty one, reading the
     * array directly: an animation holds thousands of them.
     */
    private static int skipSubBlocks(ByteView b, int at) {
        byte[] data = b.array();
        int p = Math.max(at, 0);
        while (p < data.length) {
            int size = data[p] & 0xFF;
            if (size == 0) {
                return p + 1;
            }
            p += size + 1;
        }
        return p;
    }
}
