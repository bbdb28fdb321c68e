package dev.s3resizer.core.probe;

/** Finds the Orientation tag (0x0112) in IFD0 of a TIFF-structured EXIF block. */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** Orientation 1-8 from the TIFF header starting at {@code tiff}, or 1 when absent or invalid. */
    static int read(ByteView b, int tiff) {
        boolean big;
        if (b.ascii(tiff, "MM")) {
            big = true;
        } else if (b.ascii(tiff, "II")) {
            big = false;
        } else {
            return 1;
        }
        long ifd = b.u32(tiff + 4, big);
        if (ifd < 8 || tiff + ifd > b.length()) {
            return 1;
        }
        int at = (int) (tiff + ifd);
        int entries = b.u16(at, big);
        for (int i = 0; i < entries && i < 512; i++) {
            int entry = at + 2 + i * 12;
            int tag = b.u16(entry, big);
            if (tag < 0) {
                return 1;
            }
            if (tag == ORIENTATION_TAG) {
                int value = b.u16(entry + 8, big);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }
}
