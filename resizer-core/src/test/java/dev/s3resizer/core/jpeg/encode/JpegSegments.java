package dev.s3resizer.core.jpeg.encode;

import java.util.ArrayList;
import java.util.List;

/** The marker segments of a JPEG file up to its first scan, read independently of the encoder. */
record JpegSegments(List<Segment> segments) {

    /** One segment: its marker (0xD8 for SOI, 0xDA for SOS, ...) and payload without the length. */
    record Segment(int marker, byte[] payload) {
    }

    static JpegSegments parse(byte[] jpeg) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new AssertionError("no SOI at the start");
        }
        List<Segment> list = new ArrayList<>();
        list.add(new Segment(0xD8, new byte[0]));
        int p = 2;
        while (true) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                throw new AssertionError("expected a marker at " + p);
            }
            int marker = jpeg[p + 1] & 0xFF;
            int length = (jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF);
            byte[] payload = new byte[length - 2];
            System.arraycopy(jpeg, p + 4, payload, 0, length - 2);
            list.add(new Segment(marker, payload));
            p += 2 + length;
            if (marker == 0xDA) {
                return new JpegSegments(list);
            }
        }
    }

    List<Integer> markers() {
        return segments.stream().map(Segment::marker).toList();
    }

    Segment first(int marker) {
        return segments.stream().filter(s -> s.marker() == marker).findFirst()
                .orElseThrow(() -> new AssertionError("no marker 0x" + Integer.toHexString(marker)));
    }

    /** Width and height from SOF0 (or SOF2). */
    int[] frameSize() {
        Segment sof = segments.stream().filter(s -> s.marker() == 0xC0 || s.marker() == 0xC2).findFirst()
                .orElseThrow(() -> new AssertionError("no SOF0/SOF2"));
        byte[] f = sof.payload();
        return new int[] {(f[3] & 0xFF) << 8 | (f[4] & 0xFF), (f[1] & 0xFF) << 8 | (f[2] & 0xFF)};
    }

    /** Component count from the SOF segment. */
    int components() {
        Segment sof = segments.stream().filter(s -> s.marker() == 0xC0 || s.marker() == 0xC2).findFirst()
                .orElseThrow(() -> new AssertionError("no SOF0/SOF2"));
        return sof.payload()[5] & 0xFF;
    }

    /** All 8-bit quantisation tables in the file, each 64 values in zigzag order, by table id. */
    List<int[]> quantisationTables() {
        List<int[]> tables = new ArrayList<>();
        for (Segment s : segments) {
            if (s.marker() != 0xDB) {
                continue;
            }
            byte[] d = s.payload();
            for (int p = 0; p < d.length; p += 65) {
                int[] t = new int[64];
                for (int k = 0; k < 64; k++) {
                    t[k] = d[p + 1 + k] & 0xFF;
                }
                tables.add(t);
            }
        }
        return tables;
    }
}
