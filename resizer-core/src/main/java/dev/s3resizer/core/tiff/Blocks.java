package dev.s3resizer.core.tiff;

import dev.s3resizer.core.CorruptImageException;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses one strip or tile of a TIFF into a destination array and undoes horizontal
 * differencing, row by row. One instance per decode: the inflater and the LZW table are reused
 * for every block.
 *
 * <p>{@code try (Blocks blocks = new Blocks(tiff, ifd)) { blocks.read(0, out, 0, rowBytes * rows, rowBytes); }}
 */
final class Blocks implements AutoCloseable {

    private final byte[] tiff;
    private final Ifd ifd;
    private final Inflater inflater;
    private final Lzw lzw;

    Blocks(byte[] tiff, Ifd ifd) {
        this.tiff = tiff;
        this.ifd = ifd;
        boolean deflate = ifd.compression == Ifd.DEFLATE || ifd.compression == Ifd.OLD_DEFLATE;
        this.inflater = deflate ? new Inflater() : null;
        this.lzw = ifd.compression == Ifd.LZW ? new Lzw() : null;
    }

    /** Fills {@code out[to, to + want)} with block {@code index}, whose rows are {@code rowBytes} long. */
    void read(int index, byte[] out, int to, int want, int rowBytes) {
        long at = ifd.offsets[index];
        long count = ifd.byteCounts[index];
        if (at < 0 || count < 0 || at + count > tiff.length) {
            throw new CorruptImageException("TIFF: strip or tile " + (index + 1) + " runs past the end of the file ("
                    + count + " bytes at " + at + " of " + tiff.length + "); it is truncated");
        }
        switch (ifd.compression) {
            case Ifd.NONE -> copy((int) at, (int) count, out, to, want, index);
            case Ifd.LZW -> lzw.decode(tiff, (int) at, (int) count, out, to, want);
            default -> inflate((int) at, (int) count, out, to, want, index);
        }
        if (ifd.predictor == 2) {
            int step = ifd.samples;
            for (int row = to, end = to + want; row < end; row += rowBytes) {
                for (int i = row + step, stop = row + rowBytes; i < stop; i++) {
                    out[i] += out[i - step];
                }
            }
        }
    }

    private void copy(int at, int count, byte[] out, int to, int want, int index) {
        if (count < want) {
            throw short_(index, count, want);
        }
        System.arraycopy(tiff, at, out, to, want);
    }

    private void inflate(int at, int count, byte[] out, int to, int want, int index) {
        inflater.reset();
        inflater.setInput(tiff, at, count);
        int done = 0;
        try {
            while (done < want) {
                int n = inflater.inflate(out, to + done, want - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw short_(index, done, want);
                }
                done += n;
            }
        } catch (DataFormatException e) {
            throw new CorruptImageException("TIFF: the deflate data of strip or tile " + (index + 1)
                    + " is damaged (zlib: " + e.getMessage() + ")", e);
        }
    }

    private static CorruptImageException short_(int index, long got, long want) {
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
