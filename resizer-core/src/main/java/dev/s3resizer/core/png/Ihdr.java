package dev.s3resizer.core.png;

import dev.s3resizer.core.CorruptImageException;

/**
 * The PNG header chunk: size, sample depth and colour type, checked as the JDK's reader checks
 * them, so that a header ImageIO would refuse is refused here too.
 *
 * @param interlaced whether rows are stored in the seven Adam7 passes
 */
record Ihdr(int width, int height, int bitDepth, int colourType, boolean interlaced) {

    static final int GRAY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GRAY_ALPHA = 4;
    static final int RGBA = 6;

    /** Signature (8), IHDR length and type (8), IHDR data (13), CRC (4). */
    static final int END = 33;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    static Ihdr read(byte[] png) {
        if (png.length < END) {
            throw new CorruptImageException("PNG: the file ends inside its header (IHDR); it is truncated");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                throw new CorruptImageException("PNG: the 8-byte PNG signature is missing; the file is damaged");
            }
        }
        if (Chunk.intAt(png, 8) != 13 || Chunk.intAt(png, 12) != Chunk.IHDR) {
            throw new CorruptImageException("PNG: the first chunk is not a 13-byte header (IHDR); the file is damaged");
        }
        Ihdr header = new Ihdr(Chunk.intAt(png, 16), Chunk.intAt(png, 20), png[24] & 0xFF, png[25] & 0xFF,
                png[28] != 0);
        header.check(png[26] & 0xFF, png[27] & 0xFF, png[28] & 0xFF);
        return header;
    }

    private void check(int compression, int filterMethod, int interlace) {
        if (width <= 0 || height <= 0) {
            throw corrupt("an invalid size " + Integer.toUnsignedString(width) + "x"
                    + Integer.toUnsignedString(height));
        }
        if (bitDepth != 1 && bitDepth != 2 && bitDepth != 4 && bitDepth != 8 && bitDepth != 16) {
            throw corrupt("a bit depth of " + bitDepth + " (PNG allows 1, 2, 4, 8 or 16)");
        }
        boolean allowed = switch (colourType) {
            case GRAY -> true;
            case PALETTE -> bitDepth <= 8;
            case RGB, GRAY_ALPHA, RGBA -> bitDepth >= 8;
            default -> throw corrupt("colour type " + colourType + " (PNG allows 0, 2, 3, 4 or 6)");
        };
        if (!allowed) {
            throw corrupt("bit depth " + bitDepth + " for colour type " + colourType + ", which PNG does not allow");
        }
        if (compression != 0 || filterMethod != 0 || (interlace != 0 && interlace != 1)) {
            throw corrupt("compression method " + compression + ", filter method " + filterMethod
                    + " and interlace method " + interlace + " (PNG defines 0, 0 and 0 or 1)");
        }
    }

    private static CorruptImageException corrupt(String what) {
        return new CorruptImageException("PNG: the header (IHDR) declares " + what + "; the file is damaged");
    }

    /** Samples per pixel as stored: 1 gray or palette index, 2 gray+alpha, 3 RGB, 4 RGBA. */
    int samplesPerPixel() {
        return switch (colourType) {
            case RGB -> 3;
            case GRAY_ALPHA -> 2;
            case RGBA -> 4;
            default -> 1;
        };
    }

    /** Bytes of one stored row, without its filter-type byte. */
    int rowBytes() {
        return Math.toIntExact(((long) width * samplesPerPixel() * bitDepth + 7) / 8);
    }

    /** Distance in bytes to the same sample of the pixel on the left, as the filters use it (at least 1). */
    int filterStride() {
        return Math.max(1, samplesPerPixel() * bitDepth / 8);
    }
}
