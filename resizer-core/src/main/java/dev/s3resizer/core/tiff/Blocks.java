package dev.s3resizer.core.tiff;

import dev.s3resizer.core.CorruptImageException;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The decompressed bytes of one strip or tile of a TIFF at a time, handed out in pieces (a row,
 * usually) as the caller asks for them. Deflate inflates straight into the caller's array, the
 * whole compressed block handed to zlib at once; uncompressed data is copied from the file; LZW
 * and PackBits decode the whole block into a buffer first. One instance per decode: the inflater,
 * the LZW table and that buffer serve every block.
 *
 * <p>{@code try (Blocks blocks = new Blocks(tiff, ifd)) { blocks.open(0, rowBytes * rows); blocks.next(row, 0, rowBytes); }}
 */
final class Blocks implements AutoCloseable {

    private final byte[] tiff;
    private final Ifd ifd;
    private final Inflater inflater;
    private final Lzw lzw;
    private byte[] decoded = new byte[0];
    private int index;
    private int want;
    private int done;
    private int at;

    Blocks(byte[] tiff, Ifd ifd) {
        this.tiff = tiff;
        this.ifd = ifd;
        boolean deflate = ifd.compression == Ifd.DEFLATE || ifd.compression == Ifd.OLD_DEFLATE;
        this.inflater = deflate ? new Inflater() : null;
        this.lzw = ifd.compression == Ifd.LZW ? new Lzw() : null;
    }

    /** Starts block {@code index}, which must hold at least {@code want} bytes. */
    void open(int index, int want) {
        long start = ifd.offsets[index];
        long count = ifd.byteCounts[index];
        if (start < 0 || count < 0 || start + count > tiff.length) {
            throw new CorruptImageException("TIFF: strip or tile " + (index + 1) + " runs past the end of the file ("
                    + count + " bytes at " + start + " of " + tiff.length + "); it is truncated");
        }
        this.index = index;
        this.want = want;
        this.done = 0;
        this.at = (int) start;
        switch (ifd.compression) {
            case Ifd.NONE -> {
                if (count < want) {
                    throw short_(count);
                }
            }
            case Ifd.LZW, Ifd.PACKBITS -> {
                if (decoded.length < want) {
                    decoded = new byte[want];
                }
                if (lzw != null) {
                    lzw.decode(tiff, at, (int) count, decoded, 0, want);
                } else {
                    PackBits.decode(tiff, at, (int) count, decoded, 0, want);
                }
                at = 0;
            }
            default -> {
                inflater.reset();
                inflater.setInput(tiff, at, (int) count);
            }
        }
    }

    /** Fills {@code out[to, to + length)} with the next bytes of the open block. */
    void next(byte[] out, int to, int length) {
        if (done + length > want) {
            throw new IllegalStateException("reading " + length + " bytes past " + done + " of " + want);
        }
        switch (ifd.compression) {
            case Ifd.NONE -> {
                System.arraycopy(tiff, at, out, to, length);
                at += length;
            }
            case Ifd.LZW, Ifd.PACKBITS -> {
                System.arraycopy(decoded, at, out, to, length);
                at += length;
            }
            default -> inflate(out, to, length);
        }
        done += length;
    }

    private void inflate(byte[] out, int to, int length) {
        int filled = 0;
        try {
            while (filled < length) {
                int n = inflater.inflate(out, to + filled, length - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw short_(done + filled);
                }
                filled += n;
            }
        } catch (DataFormatException e) {
            throw new CorruptImageException("TIFF: the deflate data of strip or tile " + (index + 1)
                    + " is damaged (zlib: " + e.getMessage() + ")", e);
        }
    }

    private CorruptImageException short_(long got) {
        return new CorruptImageException("TIFF: strip or tile " + (index + 1) + " holds " + got + " of the " + want
                + " bytes it must; the file is truncated or damaged");
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }
}
