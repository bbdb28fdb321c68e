package dev.s3resizer.core.jpeg.encode;

import java.io.ByteArrayOutputStream;

/**
 * The marker segments before the scan data of a minimal baseline JFIF file: SOI, APP0 JFIF 1.01
 * (no units, 1:1 density, no thumbnail), DQT, SOF0, DHT and SOS. Nothing else: no EXIF, ICC,
 * Adobe or comment segment. Component ids are 1 (Y), 2 (Cb), 3 (Cr).
 *
 * <p>{@code byte[] head = JfifHeader.write(width, height, quant, tables);}
 */
final class JfifHeader {

    private JfifHeader() {
    }

    /**
     * The header for a gray image ({@code tables} = luma DC, luma AC) or a 4:2:0 colour image
     * ({@code tables} = luma DC, luma AC, chroma DC, chroma AC).
     */
    static byte[] write(int width, int height, QuantTables quant, HuffmanTable[] tables) {
        boolean colour = tables.length == 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream(640);
        marker(out, 0xD8);
        marker(out, 0xE0);
        int16(out, 16);
        out.writeBytes(new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        quantisation(out, quant, colour);
        frame(out, width, height, colour);
        for (int t = 0; t < tables.length; t++) {
            huffman(out, t, tables[t]);
        }
        scan(out, colour);
        return out.toByteArray();
    }

    private static void quantisation(ByteArrayOutputStream out, QuantTables quant, boolean colour) {
        marker(out, 0xDB);
        int16(out, 2 + (colour ? 2 : 1) * 65);
        zigzagTable(out, 0, quant.luma());
        if (colour) {
            zigzagTable(out, 1, quant.chroma());
        }
    }

    private static void zigzagTable(ByteArrayOutputStream out, int id, int[] natural) {
        out.write(id);
        for (int k = 0; k < 64; k++) {
            out.write(natural[ForwardDct.ZIGZAG[k]]);
        }
    }

    private static void frame(ByteArrayOutputStream out, int width, int height, boolean colour) {
        int components = colour ? 3 : 1;
        marker(out, 0xC0);
        int16(out, 8 + 3 * components);
        out.write(8);
        int16(out, height);
        int16(out, width);
        out.write(components);
        for (int c = 0; c < components; c++) {
            out.write(c + 1);
            out.write(c == 0 && colour ? 0x22 : 0x11);
            out.write(c == 0 ? 0 : 1);
        }
    }

    /** Table t: class t % 2 (0 DC, 1 AC), destination t / 2 (0 luma, 1 chroma). */
    private static void huffman(ByteArrayOutputStream out, int t, HuffmanTable table) {
        marker(out, 0xC4);
        int16(out, 2 + 1 + 16 + table.symbols().length);
        out.write((t % 2) << 4 | t / 2);
        for (int count : table.counts()) {
            out.write(count);
        }
        for (int symbol : table.symbols()) {
            out.write(symbol);
        }
    }

    private static void scan(ByteArrayOutputStream out, boolean colour) {
        int components = colour ? 3 : 1;
        marker(out, 0xDA);
        int16(out, 6 + 2 * components);
        out.write(components);
        for (int c = 0; c < components; c++) {
            out.write(c + 1);
            out.write(c == 0 ? 0x00 : 0x11);
        }
        out.write(0);
        out.write(63);
        out.write(0);
    }

    private static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }
}
