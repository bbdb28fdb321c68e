package dev.s3resizer.core.png;

import java.nio.charset.StandardCharsets;

/**
 * Reading the chunk framing of a PNG: a 4-byte big-endian length, a 4-byte type, the data and a
 * 4-byte CRC. Types are compared as big-endian ints.
 */
final class Chunk {

    static final int IHDR = type("IHDR");
    static final int PLTE = type("PLTE");
    static final int TRNS = type("tRNS");
    static final int IDAT = type("IDAT");
    static final int IEND = type("IEND");

    /** Length, type and CRC around the data. */
    static final int FRAMING = 12;

    private Chunk() {
    }

    static int intAt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    /** The printable name of a chunk type, for messages. */
    static String name(int type) {
        StringBuilder name = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = type >>> shift & 0xFF;
            name.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return name.toString();
    }

    private static int type(String name) {
        return intAt(name.getBytes(StandardCharsets.US_ASCII), 0);
    }
}
