package dev.s3resizer.core.png;

import dev.s3resizer.core.CorruptImageException;

import java.util.Arrays;

/**
 * What a PNG's chunks before its image data say, and where that data starts. PLTE and tRNS are
 * taken the way the JDK's reader takes them (the first PLTE; a tRNS of the wrong size, or before
 * the palette, ignored) so that both decoders see the same image.
 *
 * @param palette        the PLTE data, or null
 * @param transparency   the tRNS data, or null
 * @param firstImageData offset of the first IDAT chunk
 */
record PngFile(Ihdr header, byte[] palette, byte[] transparency, int firstImageData) {

    static PngFile read(byte[] png) {
        Ihdr header = Ihdr.read(png);
        byte[] palette = null;
        byte[] transparency = null;
        int at = Ihdr.END;
        for (int type = typeAt(png, at); type != Chunk.IDAT; type = typeAt(png, at)) {
            int end = endOf(png, at, type);
            int length = end - at - Chunk.FRAMING;
            if (type == Chunk.PLTE && palette == null && header.colourType() != Ihdr.GRAY
                    && header.colourType() != Ihdr.GRAY_ALPHA) {
                palette = Arrays.copyOfRange(png, at + 8, at + 8 + length);
            } else if (type == Chunk.TRNS && transparencyApplies(header, palette, length)) {
                transparency = Arrays.copyOfRange(png, at + 8, at + 8 + length);
            }
            at = end;
        }
        if (header.colourType() == Ihdr.PALETTE && palette == null) {
            throw new CorruptImageException("PNG: a palette image has no palette (PLTE) before its image data; "
                    + "the file is damaged");
        }
        return new PngFile(header, palette, transparency, at);
    }

    /** The type of the chunk at {@code at}; a file that ends before it is truncated. */
    private static int typeAt(byte[] png, int at) {
        if (at + 8 > png.length) {
            throw new CorruptImageException("PNG: the file ends after " + png.length
                    + " bytes, before its image data (IDAT); it is truncated");
        }
        return Chunk.intAt(png, at + 4);
    }

    /** Where the chunk at {@code at}, which comes before the image data, ends. */
    private static int endOf(byte[] png, int at, int type) {
        long end = at + (long) Chunk.FRAMING + Integer.toUnsignedLong(Chunk.intAt(png, at));
        if (type == Chunk.IEND) {
            throw new CorruptImageException("PNG: the IEND chunk at byte " + at
                    + " ends the file before any image data (IDAT); it is damaged");
        }
        if (end > png.length) {
            throw new CorruptImageException("PNG: the " + Chunk.name(type) + " chunk at byte " + at
                    + " runs past the end of the file, before any image data (IDAT); it is truncated");
        }
        return (int) end;
    }

    private static boolean transparencyApplies(Ihdr header, byte[] palette, int length) {
        return switch (header.colourType()) {
            case Ihdr.PALETTE -> palette != null;
            case Ihdr.GRAY -> length == 2;
            case Ihdr.RGB -> length == 6;
            default -> false;
        };
    }
}
