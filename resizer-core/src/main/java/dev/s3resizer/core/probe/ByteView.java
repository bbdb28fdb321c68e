package dev.s3resizer.core.probe;

/** Bounds-checked big- and little-endian reads over a byte array; out-of-range reads return -1. */
final class ByteView {

    private final byte[] data;

    ByteView(byte[] data) {
        this.data = data;
    }

    int length() {
        return data.length;
    }

    byte[] array() {
        return data;
    }

    int u8(int at) {
        return at >= 0 && at < data.length ? data[at] & 0xFF : -1;
    }

    int u16(int at, boolean bigEndian) {
        if (at < 0 || at + 2 > data.length) {
            return -1;
        }
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    long u32(int at, boolean bigEndian) {
        if (at < 0 || at + 4 > data.length) {
            return -1;
        }
        long hi = u16(at, bigEndian);
        long lo = u16(at + 2, bigEndian);
        return bigEndian ? hi << 16 | lo : lo << 16 | hi;
    }

    int u24le(int at) {
        if (at < 0 || at + 3 > data.length) {
            return -1;
        }
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16;
    }

    boolean ascii(int at, String text) {
        if (at < 0 || at + text.length() > data.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
