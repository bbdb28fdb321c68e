package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.CorruptImageException;

/**
 * Walks a JPEG's marker segments, keeping the tables (DQT, DHT, DRI) and the facts the decoder
 * needs (SOF frame, Adobe APP14 transform, ICC chunks) up to each scan. Entropy-coded data is not
 * read here: {@link EntropySegments} takes it from {@link Scan#dataStart()} and reports where the
 * next marker begins, which is where {@link #nextScan(int)} resumes.
 */
final class MarkerReader {

    private final byte[] data;
    private int pos;
    final HuffmanTable[] dcTables = new HuffmanTable[4];
    final HuffmanTable[] acTables = new HuffmanTable[4];
    /** Quantisation tables in natural (row-major) order. */
    final int[][] quantTables = new int[4][];
    final IccChunks icc = new IccChunks();
    int restartInterval;
    /** Adobe APP14 colour transform (0 none, 1 YCbCr, 2 YCCK), -1 without an Adobe segment. */
    int adobeTransform = -1;
    Frame frame;
    /** True once the end-of-image marker has been read. */
    boolean ended;

    /**
     * Without Huffman tables or ICC chunks (scans then name null tables): the frame, the scans'
     * headers and where they start, for estimates that must cost next to nothing.
     */
    private final boolean headersOnly;

    MarkerReader(byte[] data) {
        this(data, false);
    }

    MarkerReader(byte[] data, boolean headersOnly) {
        this.data = data;
        this.headersOnly = headersOnly;
        if (data.length < 4 || u8(0) != 0xFF || u8(1) != 0xD8) {
            throw new CorruptImageException("JPEG: the start-of-image marker is missing; the file is not a JPEG");
        }
        this.pos = 2;
    }

    /**
     * Reads segments from {@code from} up to the next scan header and returns it, or null at the
     * end of the image (EOI, or the end of the bytes, in which case {@link #ended} stays false).
     */
    Scan nextScan(int from) {
        pos = from;
        while (true) {
            while (pos < data.length && u8(pos) != 0xFF) {
                pos++;
            }
            while (pos < data.length && u8(pos) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                return null;
            }
            int marker = u8(pos++);
            if (marker == 0xD9) {
                ended = true;
                return null;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            int length = segmentLength();
            int body = pos + 2;
            pos += length;
            if (marker == 0xDA) {
                return readScan(body, length - 2);
            }
            segment(marker, body, length - 2);
        }
    }

    private int segmentLength() {
        if (pos + 2 > data.length) {
            throw new CorruptImageException("JPEG: the file ends inside a marker segment; it is truncated");
        }
        int length = u16(pos);
        if (length < 2 || pos + length > data.length) {
            throw new CorruptImageException("JPEG: a marker segment at byte " + (pos - 2) + " declares " + length
                    + " bytes but the file " + (length < 2 ? "is damaged" : "ends first; it is truncated"));
        }
        return length;
    }

    private void segment(int marker, int body, int length) {
        switch (marker) {
            case 0xC0, 0xC1, 0xC2 -> frame = FrameHeaders.read(data, body, length, marker == 0xC2, frame);
            case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> throw new UnsupportedJpegException(
                    "coding process SOF" + (marker - 0xC0) + " (lossless, hierarchical or arithmetic) "
                            + "is not decoded here");
            case 0xCC -> throw new UnsupportedJpegException("arithmetic coding (DAC segment) is not decoded here");
            case 0xC4 -> {
                if (!headersOnly) {
                    FrameHeaders.readHuffman(data, body, length, dcTables, acTables);
                }
            }
            case 0xDB -> FrameHeaders.readQuantisation(data, body, length, quantTables);
            case 0xDD -> restartInterval = length >= 2 ? u16(body) : 0;
            case 0xDC -> throw new UnsupportedJpegException(
                    "a DNL segment (height defined after the first scan) is not decoded here");
            case 0xE2 -> {
                if (!headersOnly && length > 14 && startsWith(body, "ICC_PROFILE\0")) {
                    icc.add(u8(body + 12), u8(body + 13), data, body + 14, length - 14);
                }
            }
            case 0xEE -> {
                if (length >= 12 && startsWith(body, "Adobe")) {
                    adobeTransform = u8(body + 11);
                }
            }
            default -> { }
        }
    }

    private Scan readScan(int body, int length) {
        if (frame == null) {
            throw new CorruptImageException("JPEG: a scan (SOS) comes before the frame header (SOF); "
                    + "the file is damaged");
        }
        return FrameHeaders.readScan(data, body, length, frame, dcTables, acTables, pos);
    }

    private boolean startsWith(int at, String text) {
        if (at + text.length() > data.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int u8(int at) {
        return data[at] & 0xFF;
    }

    private int u16(int at) {
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }
}
