package dev.s3resizer.core.tiff;

import dev.s3resizer.core.resample.BoxRows;

/**
 * Where {@link TiffDecoder} puts decoded rows, a band of consecutive rows at a time: straight into
 * their place in the full-size raster, or into a buffer of a few rows from which each finished
 * row is added to a {@link BoxRows} reduction, so the full-size raster never exists.
 *
 * <p>{@code int at = band.begin(y); blocks.next(band.data(), at, rows * rowBytes); band.done(y);}
 */
final class Band {

    private final byte[] data;
    private final int rowBytes;
    private final int capacity;
    private final BoxRows box;
    private int first;

    private Band(byte[] data, int rowBytes, int capacity, BoxRows box) {
        this.data = data;
        this.rowBytes = rowBytes;
        this.capacity = capacity;
        this.box = box;
    }

    /** Rows written in place into {@code raster}, {@code rowBytes} apart. */
    static Band raster(byte[] raster, int rowBytes) {
        return new Band(raster, rowBytes, Integer.MAX_VALUE, null);
    }

    /** Bands of up to {@code capacity} rows, each row added to {@code box} as it is done. */
    static Band boxed(BoxRows box, int rowBytes, int capacity) {
        return new Band(new byte[Math.multiplyExact(rowBytes, capacity)], rowBytes, capacity, box);
    }

    /** The most rows a band holds. */
    int capacity() {
        return capacity;
    }

    /** The array the rows go into. */
    byte[] data() {
        return data;
    }

    /** Starts a band at row {@code y}; returns where that row goes in {@link #data}. */
    int begin(int y) {
        first = y;
        return offset(y);
    }

    /** Where row {@code y} of the current band goes in {@link #data}. */
    int offset(int y) {
        return box == null ? y * rowBytes : (y - first) * rowBytes;
    }

    /** Row {@code y} is complete: reduced into the box, if any. */
    void done(int y) {
        if (box != null) {
            box.add(data, offset(y));
        }
    }
}
