package dev.s3resizer.core.jpeg;

/**
 * Chroma upsampling of one output row, as libjpeg (and so ImageIO) does it: "fancy" triangle
 * filtering for 2x horizontal (4:2:2) and 2x2 (4:2:0), plain replication for other ratios.
 * Edges repeat the last meaningful sample; {@code w} is the meaningful input width.
 */
final class Upsampling {

    private Upsampling() {
    }

    /** 2x across: each output pixel is 3/4 of its nearer and 1/4 of its farther input neighbour. */
    static void h2v1(byte[] in, int at, int w, byte[] out) {
        if (w == 1) {
            out[0] = in[at];
            out[1] = in[at];
            return;
        }
        int prev = in[at] & 0xFF;
        int cur = prev;
        out[0] = (byte) cur;
        for (int x = 0; x < w - 1; x++) {
            int next = in[at + x + 1] & 0xFF;
            if (x > 0) {
                out[2 * x] = (byte) ((3 * cur + prev + 1) >> 2);
            }
            out[2 * x + 1] = (byte) ((3 * cur + next + 2) >> 2);
            prev = cur;
            cur = next;
        }
        out[2 * w - 2] = (byte) ((3 * cur + prev + 1) >> 2);
        out[2 * w - 1] = (byte) cur;
    }

    /**
     * 2x across and down: the output row lies between input row {@code near} (weight 3/4) and
     * row {@code far} (1/4), then the same triangle across.
     */
    static void h2v2(byte[] in, int near, int far, int w, byte[] out) {
        int prev = 3 * (in[near] & 0xFF) + (in[far] & 0xFF);
        if (w == 1) {
            out[0] = (byte) ((prev * 4 + 8) >> 4);
            out[1] = (byte) ((prev * 4 + 7) >> 4);
            return;
        }
        int cur = prev;
        out[0] = (byte) ((cur * 4 + 8) >> 4);
        for (int x = 0; x < w - 1; x++) {
            int next = 3 * (in[near + x + 1] & 0xFF) + (in[far + x + 1] & 0xFF);
            if (x > 0) {
                out[2 * x] = (byte) ((3 * cur + prev + 8) >> 4);
            }
            out[2 * x + 1] = (byte) ((3 * cur + next + 7) >> 4);
            prev = cur;
            cur = next;
        }
        out[2 * w - 2] = (byte) ((3 * cur + prev + 8) >> 4);
        out[2 * w - 1] = (byte) ((cur * 4 + 7) >> 4);
    }

    /** Repeats each input sample {@code factor} times across, for {@code outWidth} outputs. */
    static void replicate(byte[] in, int at, int factor, byte[] out, int outWidth) {
        for (int x = 0, o = 0; o < outWidth; x++) {
            byte v = in[at + x];
            for (int i = 0; i < factor && o < outWidth; i++) {
                out[o++] = v;
            }
        }
    }
}
