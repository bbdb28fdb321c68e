package dev.s3resizer.core.png;

import dev.s3resizer.core.CorruptImageException;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The zlib stream spread over a PNG's consecutive IDAT chunks, inflated with the JDK's native
 * zlib a row or many rows at a time; each chunk is handed to the inflater in place, never copied.
 * A stream or a file
 * that ends before the last row is reported as corrupt, naming the row; bytes after the last row
 * (and a missing IEND) are ignored, as ImageIO and browsers do.
 *
 * <p>{@code try (ImageData data = new ImageData(png, file.firstImageData(), height)) { data.read(row, 0, n, y, n); }}
 */
final class ImageData implements AutoCloseable {

    private final byte[] png;
    private final int height;
    private final Inflater inflater = new Inflater();
    private int next;

    ImageData(byte[] png, int firstImageData, int height) {
        this.png = png;
        this.height = height;
        this.next = firstImageData;
        feed();
    }

    /**
     * Fills {@code buffer[at, at + length)} with the next inflated bytes: whole stored rows of
     * {@code rowLength} bytes each (filter-type byte included), the first of them row {@code y}.
     */
    void read(byte[] buffer, int at, int length, int y, int rowLength) {
        int done = 0;
        while (done < length) {
            int n;
            try {
                n = inflater.inflate(buffer, at + done, length - done);
            } catch (DataFormatException e) {
                throw new CorruptImageException("PNG: the compressed image data is damaged in row "
                        + (y + done / rowLength + 1) + " of " + height + " (zlib: " + e.getMessage()
                        + "); the file is damaged", e);
            }
            done += n;
            if (n == 0) {
                refill(y + done / rowLength);
            }
        }
    }

    private void refill(int y) {
        String where = "row " + (y + 1) + " of " + height;
        if (inflater.finished()) {
            throw new CorruptImageException("PNG: the image data ends in " + where
                    + ": it inflates to fewer bytes than the image needs; the file is damaged");
        }
        if (inflater.needsDictionary()) {
            throw new CorruptImageException("PNG: the image data asks for a preset zlib dictionary, which PNG "
                    + "does not allow; the file is damaged");
        }
        if (!inflater.needsInput() || !feed()) {
            throw new CorruptImageException("PNG: the file ends in " + where
                    + ", before its image data does; it is truncated");
        }
    }

    /** Hands the next non-empty IDAT chunk (cut at the end of the file) to the inflater; false when there is none. */
    private boolean feed() {
        while (next >= 0 && next + 8 <= png.length && Chunk.intAt(png, next + 4) == Chunk.IDAT) {
            int start = next + 8;
            long end = start + Integer.toUnsignedLong(Chunk.intAt(png, next));
            int available = (int) Math.min(end, png.length) - start;
            next = end + 4 <= png.length ? (int) end + 4 : -1;
            if (available > 0) {
                inflater.setInput(png, start, available);
                return true;
            }
        }
        next = -1;
        return false;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
