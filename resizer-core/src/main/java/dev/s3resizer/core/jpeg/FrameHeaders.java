package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;

/** Parses the table and header segments a decoder needs: SOF, DHT, DQT and SOS. */
final class FrameHeaders {

    /** Zigzag position to natural (row-major) position, with slack for damaged runs past 63. */
    static final int[] NATURAL = new int[64 + 16];

    static {
        int i = 0;
        for (int s = 0; s < 15; s++) {
            for (int t = 0; t <= s; t++) {
                int row = s % 2 == 0 ? s - t : t;
                int col = s - row;
                if (row < 8 && col < 8) {
                    NATURAL[i++] = row * 8 + col;
                }
            }
        }
        for (int k = 64; k < NATURAL.length; k++) {
            NATURAL[k] = 63;
        }
    }

    /**
     * For an end-of-block position k (coefficients 0..k-1 in zigzag order may be nonzero), how
     * many leading rows ({@code ROWS}) and columns ({@code COLUMNS}) can hold a nonzero value.
     */
    static final int[] ROWS = new int[81];
    static final int[] COLUMNS = new int[81];

    static {
        for (int k = 1; k < ROWS.length; k++) {
            int natural = NATURAL[Math.min(k - 1, 63)];
            ROWS[k] = Math.max(ROWS[k - 1], natural / 8 + 1);
            COLUMNS[k] = Math.max(COLUMNS[k - 1], natural % 8 + 1);
        }
    }

    private FrameHeaders() {
    }

    static Frame read(byte[] d, int at, int length, boolean progressive, Frame previous) {
        if (previous != null) {
            throw new UnsupportedJpegException("more than one frame header (SOF) is not decoded here");
        }
        need(length >= 6, "frame header (SOF) is too short");
        int precision = d[at] & 0xFF;
        int height = u16(d, at + 1);
        int width = u16(d, at + 3);
        int count = d[at + 5] & 0xFF;
        if (precision != 8) {
            throw new UnsupportedJpegException(precision + "-bit samples are not decoded here");
        }
        if (height == 0) {
            throw new UnsupportedJpegException("a frame header without height (set later by DNL) is not decoded here");
        }
        if (!(width > 0 && count > 0 && length >= 6 + 3 * count)) {
            throw damaged("frame header (SOF) declares width " + width + " and " + count + " components");
        }
        if (count != 1 && count != 3 && count != 4) {
            throw new UnsupportedJpegException(count + "-component images are not decoded here");
        }
        Frame.Component[] components = new Frame.Component[count];
        for (int i = 0; i < count; i++) {
            int p = at + 6 + 3 * i;
            int h = count == 1 ? 1 : (d[p + 1] & 0xFF) >> 4;
            int v = count == 1 ? 1 : d[p + 1] & 15;
            int tq = d[p + 2] & 0xFF;
            if (!(h >= 1 && h <= 4 && v >= 1 && v <= 4 && tq < 4)) {
                throw damaged("component " + i + " has sampling " + h + "x" + v + " and quantisation table " + tq);
            }
            components[i] = new Frame.Component(d[p] & 0xFF, i, h, v, tq);
        }
        return new Frame(width, height, progressive, components);
    }

    static void readHuffman(byte[] d, int at, int length, HuffmanTable[] dc, HuffmanTable[] ac) {
        int end = at + length;
        while (at < end) {
            need(at + 17 <= end, "Huffman table (DHT) is too short");
            int kind = (d[at] & 0xFF) >> 4;
            int slot = d[at] & 15;
            if (!(kind <= 1 && slot < 4)) {
                throw damaged("Huffman table (DHT) has class " + kind + " and slot " + slot);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = d[at + 1 + i] & 0xFF;
                total += counts[i];
            }
            if (!(total <= 256 && at + 17 + total <= end)) {
                throw damaged("Huffman table (DHT) declares " + total + " codes");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = d[at + 17 + i] & 0xFF;
                if (!(kind == 1 || symbols[i] <= 15)) {
                    throw damaged("DC Huffman table (DHT) has a value size of " + symbols[i]);
                }
            }
            HuffmanTable table = new HuffmanTable(counts, symbols, kind == 0);
            (kind == 0 ? dc : ac)[slot] = table;
            at += 17 + total;
        }
    }

    static void readQuantisation(byte[] d, int at, int length, int[][] tables) {
        int end = at + length;
        while (at < end) {
            int precision = (d[at] & 0xFF) >> 4;
            int slot = d[at] & 15;
            int size = precision == 0 ? 64 : 128;
            if (!(precision <= 1 && slot < 4 && at + 1 + size <= end)) {
                throw damaged("quantisation table (DQT) slot " + slot + " with precision " + precision
                        + " does not fit its segment");
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[NATURAL[k]] = precision == 0 ? d[at + 1 + k] & 0xFF : u16(d, at + 1 + 2 * k);
            }
            tables[slot] = table;
            at += 1 + size;
        }
    }

    static Scan readScan(byte[] d, int at, int length, Frame frame, HuffmanTable[] dcTables,
                         HuffmanTable[] acTables, int dataStart) {
        int count = length >= 1 ? d[at] & 0xFF : 0;
        if (!(count >= 1 && count <= 4 && length >= 4 + 2 * count)) {
            throw damaged("scan header (SOS) declares " + count + " components");
        }
        Frame.Component[] components = new Frame.Component[count];
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        for (int i = 0; i < count; i++) {
            int id = d[at + 1 + 2 * i] & 0xFF;
            int tables = d[at + 2 + 2 * i] & 0xFF;
            components[i] = componentWithId(frame, id);
            dc[i] = dcTables[tables >> 4 & 3];
            ac[i] = acTables[tables & 3];
        }
        int p = at + 1 + 2 * count;
        int ss = d[p] & 0xFF;
        int se = d[p + 1] & 0xFF;
        int ah = (d[p + 2] & 0xFF) >> 4;
        int al = d[p + 2] & 15;
        if (!frame.progressive) {
            ss = 0;
            se = 63;
            ah = 0;
            al = 0;
        }
        if (!(ss <= se && se <= 63 && (ss > 0 || se == 0 || !frame.progressive) && al <= 13)) {
            throw damaged("scan header (SOS) has spectral band " + ss + ".." + se + " and approximation " + ah + "/"
                    + al);
        }
        return new Scan(components, dc, ac, ss, se, ah, al, dataStart);
    }

    private static Frame.Component componentWithId(Frame frame, int id) {
        for (Frame.Component c : frame.components) {
            if (c.id == id) {
                return c;
            }
        }
        throw new CorruptImageException("JPEG: a scan names component " + id + ", which the frame does not have");
    }

    private static void need(boolean ok, String problem) {
        if (!ok) {
            throw damaged(problem);
        }
    }

    /**
     * For checks whose message is built from values: those test first and build it only on failure,
     * since some run for every table entry of every file.
     */
    private static CorruptImageException damaged(String problem) {
        return new CorruptImageException("JPEG: " + problem + "; the file is damaged");
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    }
}
