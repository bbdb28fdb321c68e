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
        while (true) {
            if (at + 8 > png.length) {
                throw new CorruptImageException("PNG: the file ends after " + png.length
                        + " bytes, before its image data (IDAT); it is truncated");
            }
            int length = Chunk.intAt(png, at);
            int type = Chunk.intAt(png, at + 4);
            if (type == Chunk.IDAT) {
                if (header.colourType() == Ihdr.PALETTE && palette == null) {
                    throw new CorruptImageException("PNG: a palette image has no palette (PLTE) before its image "
                            + "data; the file is damaged");
                }
                return new PngFile(header, palette, transparency, at);
            }
            long end = at + (long) Chunk.FRAMING + Integer.toUnsignedLong(length);
            if (type == Chunk.IEND || end > png.length) {
                throw new CorruptImageException("PNG: the " + Chunk.name(type) + " chunk at byte " + at
                        + (type == Chunk.IEND ? " ends the file before any image data (IDAT); it is damaged"
                        : " runs past the end of the file, before any image data (IDAT); it is truncated"));
            }
            if (type == Chunk.PLTE && palette == null && header.colourType() != Ihdr.GRAY
                    && header.colourType() != Ihdr.GRAY_ALPHA) {
                palette = Arrays.copyOfRange(png, at + 8, at + 8 + length);
            } else if (type == Chunk.TRNS && transparencyApplies(header, palette, length)) {
                transparency = Arrays.copyOfRange(png, at + 8, at + 8 + length);
            }
            at = (int) end;
        }
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
