package dev.s3resizer.core.color;

import java.util.HashMap;
import java.util.Map;

/** The tag table of an ICC profile (ICC.1:2010 7.3): where each tag's data is. */
final class IccTags {

    private static final int MAX_TAGS = 200;

    private final byte[] icc;
    private final Map<Integer, int[]> places;

    private IccTags(byte[] icc, Map<Integer, int[]> places) {
        this.icc = icc;
        this.places = places;
    }

    /** The table, or null when it is damaged (a count or a tag outside the bytes). */
    static IccTags read(byte[] icc) {
        if (icc.length < 132) {
            return null;
        }
        long count = IccBytes.u32(icc, 128);
        if (count > MAX_TAGS || 132 + 12 * count > icc.length) {
            return null;
        }
        Map<Integer, int[]> places = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int at = 132 + 12 * i;
            long offset = IccBytes.u32(icc, at + 4);
            long size = IccBytes.u32(icc, at + 8);
            if (offset + size > icc.length) {
                return null;
            }
            places.putIfAbsent(IccBytes.signature(icc, at), new int[] {(int) offset, (int) size});
        }
        return new IccTags(icc, places);
    }

    boolean has(int tag) {
        return places.containsKey(tag);
    }

    int offset(int tag) {
        return places.get(tag)[0];
    }

    int size(int tag) {
        return places.get(tag)[1];
    }

    /** An 'XYZ ' tag's first value, or null when the tag is missing or of another type. */
    double[] xyz(int tag) {
        int[] place = places.get(tag);
        if (place == null || place[1] < 20 || IccBytes.signature(icc, place[0]) != 0x58595A20) {
            return null;
        }
        return new double[] {IccBytes.s15Fixed16(icc, place[0] + 8), IccBytes.s15Fixed16(icc, place[0] + 12),
            IccBytes.s15Fixed16(icc, place[0] + 16)};
    }
}
