package dev.s3resizer.core.gif;

import dev.s3resizer.core.CorruptImageException;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.UnsupportedImageException;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.decode.GifScreen;
import dev.s3resizer.core.decode.ImageIoFallback;
import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;

/**
 * Decodes the first frame of a GIF into {@link Pixels}, as the pipeline showed it through ImageIO:
 * RGB, or RGBA when the frame's graphic control extension names a transparent index; a frame
 * smaller than the logical screen (or offset on it) is placed there on a transparent canvas, drawn
 * no larger than the request needs ({@link GifScreen}). LZW
 * writes palette indexes into one byte per pixel, which rows of the palette then expand;
 * interlaced frames are put back in row order. Damaged or truncated data raises
 * {@link CorruptImageException}. Thread-safe.
 *
 * <p>{@code Decoded d = new GifDecoder().decode(bytes, info, 1, 1);}
 */
public final class GifDecoder implements Decoder {

    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int GRAPHIC_CONTROL = 0xF9;

    /** The pipeline's GIF decoder: this one, with ImageIO behind it should it trip over a file. */
    public static Decoder withImageIoFallback() {
        return new ImageIoFallback("GIF", new GifDecoder(), UnsupportedImageException.class);
    }

    /** Where the first frame is and how it is stored. */
    private record Frame(int left, int top, int width, int height, int packed, int dataAt, int tableAt, int entries,
                         int transparent) {
        boolean fills(ImageInfo info) {
            return left == 0 && top == 0 && width == info.width() && height == info.height();
        }
    }

    /**
     * The index bytes, the frame's pixels and the screen {@link GifScreen} draws: a 35-byte file may
     * claim a 10000x10000 screen around one pixel, and the screen is drawn no larger than asked.
     */
    @Override
    public long memoryNeeded(byte[] gif, ImageInfo info, DecodeRequest request) {
        Frame f = first(gif);
        long frame = (long) f.width() * f.height();
        long screen = f.fills(info) ? 0
                : GifScreen.canvasBytes(info.width(), info.height(), request.minWidth(), request.minHeight());
        return frame * 5 + screen;
    }

    /**
     * The first frame; one smaller than the screen or offset on it is placed on a transparent
     * screen no smaller than {@code minWidth x minHeight} ({@link GifScreen}), so ask for the
     * screen's size to get it whole.
     */
    @Override
    public Decoded decode(byte[] gif, ImageInfo info, int minWidth, int minHeight) {
        Frame f = first(gif);
        byte[] indexes = indexes(gif, f);
        Palette palette = new Palette(gif, f.tableAt(), f.entries(), f.transparent());
        boolean whole = f.fills(info);
        Pixels pixels = Pixels.allocate(f.width(), f.height(), whole ? palette.channels() : 4);
        boolean interlaced = (f.packed() & 0x40) != 0;
        int c = pixels.channels();
        for (int y = 0; y < f.height(); y++) {
            int shown = interlaced ? interlacedRow(y, f.height()) : y;
            palette.expand(indexes, y * f.width(), pixels.data(), shown * f.width() * c, f.width(), c);
        }
        return new Decoded(whole ? pixels
                : GifScreen.place(pixels, gif, info.width(), info.height(), minWidth, minHeight), null);
    }

    /**
     * With {@link DecodeRequest#indexes}, a first frame that fills the screen comes back as its
     * indexes (interlaced rows put in order) and palette, never expanded; otherwise as above.
     */
    @Override
    public Decoded decode(byte[] gif, ImageInfo info, DecodeRequest request) {
        Frame f = first(gif);
        if (!request.indexes() || !f.fills(info)) {
            return decode(gif, info, request.minWidth(), request.minHeight());
        }
        byte[] indexes = indexes(gif, f);
        if ((f.packed() & 0x40) != 0) {
            byte[] stored = indexes;
            indexes = new byte[stored.length];
            for (int y = 0; y < f.height(); y++) {
                System.arraycopy(stored, y * f.width(), indexes, interlacedRow(y, f.height()) * f.width(), f.width());
            }
        }
        Palette palette = new Palette(gif, f.tableAt(), f.entries(), f.transparent());
        return new Decoded(new Indexed(f.width(), f.height(), indexes, palette.rgba(), palette.channels()), null);
    }

    private static byte[] indexes(byte[] gif, Frame f) {
        byte[] indexes = new byte[Math.multiplyExact(f.width(), f.height())];
        new GifLzw().decode(gif, f.dataAt(), indexes, indexes.length);
        return indexes;
    }

    private static Frame first(byte[] gif) {
        if (gif.length < 13) {
            throw new CorruptImageException("GIF: the file ends inside its header; it is truncated");
        }
        int globalTable = (gif[10] & 0x80) != 0 ? 3 << ((gif[10] & 7) + 1) : 0;
        int at = 13 + globalTable;
        int transparent = -1;
        while (at < gif.length && (gif[at] & 0xFF) == EXTENSION) {
            if (at + 6 < gif.length && (gif[at + 1] & 0xFF) == GRAPHIC_CONTROL && (gif[at + 2] & 0xFF) >= 4) {
                transparent = (gif[at + 3] & 1) != 0 ? gif[at + 6] & 0xFF : -1;
            }
            at = skipSubBlocks(gif, at + 2);
        }
        if (at + 10 > gif.length || (gif[at] & 0xFF) != IMAGE) {
            throw new CorruptImageException("GIF: no image descriptor follows the header; the file is damaged");
        }
        int left = u16(gif, at + 1);
        int top = u16(gif, at + 3);
        int width = u16(gif, at + 5);
        int height = u16(gif, at + 7);
        int packed = gif[at + 9] & 0xFF;
        at += 10;
        int entries;
        if ((packed & 0x80) != 0) {
            entries = 2 << (packed & 7);
            at += 3 * entries;
        } else if (globalTable > 0) {
            entries = globalTable / 3;
        } else {
            throw new CorruptImageException("GIF: the first frame has no colour table, local or global");
        }
        int tableAt = (packed & 0x80) != 0 ? at - 3 * entries : 13;
        if (width == 0 || height == 0 || at > gif.length) {
            throw new CorruptImageException("GIF: the first frame is " + width + "x" + height
                    + " or its colour table runs past the end of the file; the file is damaged");
        }
        return new Frame(left, top, width, height, packed, at, tableAt, entries, transparent);
    }

    /** The row on screen of the {@code n}th stored row of an interlaced frame (passes of 8, 8, 4 and 2). */
    static int interlacedRow(int n, int height) {
        int pass1 = (height + 7) / 8;
        if (n < pass1) {
            return n * 8;
        }
        n -= pass1;
        int pass2 = (height + 3) / 8;
        if (n < pass2) {
            return 4 + n * 8;
        }
        n -= pass2;
        int pass3 = (height + 1) / 4;
        if (n < pass3) {
            return 2 + n * 4;
        }
        return 1 + (n - pass3) * 2;
    }

    private static int skipSubBlocks(byte[] gif, int at) {
        while (at < gif.length) {
            int size = gif[at] & 0xFF;
            if (size == 0) {
                return at + 1;
            }
            at += size + 1;
        }
        return at;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
