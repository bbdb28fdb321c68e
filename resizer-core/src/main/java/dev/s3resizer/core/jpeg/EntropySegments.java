package dev.s3resizer.core.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The entropy-coded data of one scan with the byte stuffing ({@code FF 00}) and restart markers
 * removed in one pass, so the bit reader never looks for markers. {@link #starts} records where
 * each restart interval begins in {@link #bytes}; the zero padding after the data lets a reader
 * load 8 bytes at a time past {@link #length} without a bounds check of its own.
 */
final class EntropySegments {

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Zeros after the data: more than one MCU can consume, so per-MCU checks catch overruns first. */
    private static final int PADDING = 4096;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    byte[] bytes = new byte[0];
    int length;
    /** Start of each restart interval in {@link #bytes}; {@code starts[count]} is {@link #length}. */
    int[] starts = new int[64];
    int count;
    /** Offset in the file of the marker that ended the scan (or the file's length). */
    int end;

    /** Reads the scan data beginning at {@code from}, reusing this object's buffers. */
    EntropySegments read(byte[] data, int from) {
        int n = data.length;
        if (bytes.length < n - from + PADDING) {
            bytes = new byte[n - from + PADDING + (n >> 4)];
        }
        byte[] out = bytes;
        int o = 0;
        int i = from;
        count = 0;
        starts[count++] = 0;
        while (i < n) {
            while (i + 8 <= n) {
                long x = (long) LONGS.get(data, i);
                long inverted = ~x;
                if (((inverted - ONES) & x & HIGHS) != 0) {
                    break;
                }
                LONGS.set(out, o, x);
                i += 8;
                o += 8;
            }
            if (i >= n) {
                break;
            }
            byte b = data[i];
            if (b != (byte) 0xFF) {
                out[o++] = b;
                i++;
                continue;
            }
            int marker = i + 1 < n ? data[i + 1] & 0xFF : -1;
            if (marker == 0) {
                out[o++] = b;
                i += 2;
            } else if (marker >= 0xD0 && marker <= 0xD7) {
                addStart(o);
                i += 2;
            } else if (marker == 0xFF) {
                i++;
            } else {
                break;
            }
        }
        length = o;
        end = i;
        if (count >= starts.length) {
            starts = Arrays.copyOf(starts, count + 1);
        }
        starts[count] = o;
        Arrays.fill(out, o, o + PADDING, (byte) 0);
        return this;
    }

    /** Offset of the marker that ends the scan data beginning at {@code from}, without copying it. */
    static int skip(byte[] data, int from) {
        int n = data.length;
        int i = from;
        while (i < n) {
            while (i + 8 <= n) {
                long x = (long) LONGS.get(data, i);
                if (((~x - ONES) & x & HIGHS) != 0) {
                    break;
                }
                i += 8;
            }
            if (i >= n) {
                break;
            }
            if (data[i] != (byte) 0xFF) {
                i++;
                continue;
            }
            int marker = i + 1 < n ? data[i + 1] & 0xFF : -1;
            if (marker == 0 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
            } else if (marker == 0xFF) {
                i++;
            } else {
                return i;
            }
        }
        return n;
    }

    private void addStart(int at) {
        if (count + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[count++] = at;
    }
}
