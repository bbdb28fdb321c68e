package dev.s3resizer.core.jpeg.encode;

/**
 * The IJG (libjpeg) example quantisation tables of JPEG Annex K.1, scaled for a quality of 1-100
 * exactly as libjpeg's {@code jpeg_quality_scaling} with baseline clamping does, so a quality
 * number here means what it means in libjpeg, Pillow, libvips and ImageIO.
 *
 * <p>{@code QuantTables q = QuantTables.forQuality(80); int[] luma = q.luma();}
 *
 * @param luma              the luminance table, 64 values in natural (row-major) order
 * @param chroma            the chrominance table, 64 values in natural order
 * @param lumaMultipliers   {@link #aanMultipliers} of the luminance table
 * @param chromaMultipliers {@link #aanMultipliers} of the chrominance table
 */
record QuantTables(int[] luma, int[] chroma, float[] lumaMultipliers, float[] chromaMultipliers) {

    private static final int[] LUMA_BASE = {
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99,
    };

    private static final int[] CHROMA_BASE = {
        17, 18, 24, 47, 99, 99, 99, 99,
        18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99,
        47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,
    };

    /** AAN output scale per frequency: 1 for k = 0, else cos(k * pi / 16) * sqrt(2). */
    private static final double[] AAN_SCALE = {
        1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.541196100, 0.275899379,
    };

    private static final QuantTables[] CACHE = new QuantTables[101];

    static {
        for (int q = 1; q <= 100; q++) {
            int[] luma = scale(LUMA_BASE, q);
            int[] chroma = scale(CHROMA_BASE, q);
            CACHE[q] = new QuantTables(luma, chroma, aanMultipliers(luma), aanMultipliers(chroma));
        }
    }

    /** The tables for a quality of 1 (worst) to 100 (best). */
    static QuantTables forQuality(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality: expected 1-100 but got " + quality);
        }
        return CACHE[quality];
    }

    /** libjpeg's percentage: 5000 / q below 50, else 200 - 2q (quality 50 keeps the base tables). */
    static int percentScale(int quality) {
        return quality < 50 ? 5000 / quality : 200 - quality * 2;
    }

    /**
     * Multipliers that fold the AAN output scaling and the quantiser into one step: a float DCT
     * coefficient times its multiplier, rounded, is the quantised coefficient.
     */
    static float[] aanMultipliers(int[] table) {
        float[] m = new float[64];
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 8; col++) {
                int i = row * 8 + col;
                m[i] = (float) (1.0 / (table[i] * AAN_SCALE[row] * AAN_SCALE[col] * 8.0));
            }
        }
        return m;
    }

    private static int[] scale(int[] base, int quality) {
        int percent = percentScale(quality);
        int[] out = new int[64];
        for (int i = 0; i < 64; i++) {
            int v = (base[i] * percent + 50) / 100;
            out[i] = Math.clamp(v, 1, 255);
        }
        return out;
    }
}
