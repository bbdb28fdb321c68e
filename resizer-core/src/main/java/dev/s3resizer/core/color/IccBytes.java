package dev.s3resizer.core.color;

/** Big-endian numbers as ICC profiles store them (ICC.1:2010 4.2-4.6). */
final class IccBytes {

    private IccBytes() {
    }

    static long u32(byte[] d, int at) {
        return (long) (d[at] & 0xFF) << 24 | (d[at + 1] & 0xFF) << 16 | (d[at + 2] & 0xFF) << 8 | (d[at + 3] & 0xFF);
    }

    static int u16(byte[] d, int at) {
        return (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    }

    static double s15Fixed16(byte[] d, int at) {
        return (int) u32(d, at) / 65536.0;
    }

    /** The four-character signature at {@code at}, as an int (for comparing with {@code ICC_Profile.icSig*}). */
    static int signature(byte[] d, int at) {
        return (int) u32(d, at);
    }
}
