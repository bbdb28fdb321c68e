package dev.s3resizer.core.resample;

import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;

/**
 * The two convolution passes, streamed one output row at a time so the working set stays in cache.
 * On the vector path ({@link VectorRows}), a row of three or four channels stays interleaved: each
 * source row widens to floats in one contiguous run, the vertical pass runs over it whole, and the
 * horizontal pass reads each source pixel's channels side by side. On the scalar path, rows are
 * split into one float plane per channel, so that its loops read contiguous taps of one plane.
 * Interleaving saves the split of every source row into planes, which had been a large share of a
 * reduction of RGB (figures in docs/performance.md).
 */
final class Passes {

    private Passes() {
    }

    /** Tap count of the unrolled horizontal loop: enough for reductions up to about 1.3x. */
    static final int NARROW = 8;
    /** Most taps of an unrolled horizontal loop: reductions up to about 4x (beyond, the box pre-reduction runs). */
    static final int WIDEST = 24;

    static void resample(Pixels src, Kernel vertical, Kernel horizontalKernel, Pixels dst) {
        resample(src, vertical, horizontalKernel, dst, true);
    }

    /** As above; {@code simd} false keeps the scalar loops even when {@link Simd} is on (for tests). */
    static void resample(Pixels src, Kernel vertical, Kernel horizontalKernel, Pixels dst, boolean simd) {
        resample(src, null, vertical, horizontalKernel, dst, simd);
    }

    /**
     * From palette indexes: each source row becomes float planes straight from the palette's
     * entries, never an RGB row. The same sums as from {@link Indexed#expand}.
     */
    static void resample(Indexed src, Kernel vertical, Kernel horizontalKernel, Pixels dst, boolean simd) {
        resample(null, src, vertical, horizontalKernel, dst, simd);
    }

    /** From {@code pixels}, or from {@code indexed} when they are null. */
    private static void resample(Pixels pixels, Indexed indexed, Kernel vertical, Kernel horizontalKernel, Pixels dst,
                                 boolean simd) {
        int srcWidth = pixels != null ? pixels.width() : indexed.width();
        RowFilter rows = Simd.horizontal(horizontalKernel, simd);
        Kernel horizontal = rows != null ? horizontalKernel : horizontalKernel.padded(NARROW, srcWidth);
        for (int taps = NARROW + 2; rows == null && !padded(horizontal) && taps <= WIDEST; taps += taps < 16 ? 2 : 4) {
            horizontal = horizontalKernel.padded(taps, srcWidth);
        }
        int c = dst.channels();
        int x0 = horizontal.firstSource();
        int width = horizontal.endSource() - x0;
        // With the vector filter, three or four channels stay interleaved through the vertical pass:
        // a source row widens to floats in one contiguous run, never split into planes.
        boolean interleaved = rows != null && (c == 3 || c == 4);
        SourceRows source = pixels != null
                ? new SourceRows(pixels, x0, width, vertical.taps, simd && Simd.enabled(), interleaved)
                : new SourceRows(indexed, x0, width, vertical.taps, interleaved);
        float[][] acc = interleaved ? new float[1][width * c] : new float[c][width];
        byte[] out = dst.data();
        for (int y = 0; y < dst.height(); y++) {
            int o = y * dst.stride();
            if (interleaved) {
                accumulate(source, 0, vertical, y, acc[0]);
                rows.filterPixels(acc[0], c, out, o);
                continue;
            }
            for (int ch = 0; ch < c; ch++) {
                accumulate(source, ch, vertical, y, acc[ch]);
            }
            if (rows != null) {
                for (int ch = 0; ch < c; ch++) {
                    rows.filter(acc[ch], out, o + ch, c);
                }
            } else if (c == 3 && horizontal.taps == NARROW) {
                horizontal3narrow(acc[0], acc[1], acc[2], x0, horizontal, out, o);
            } else if (padded(horizontal)) {
                for (int ch = 0; ch < c; ch++) {
                    horizontal1unrolled(acc[ch], x0, horizontal, out, o + ch, c);
                }
            } else {
                for (int ch = 0; ch < c; ch++) {
                    horizontal1(acc[ch], x0, horizontal, out, o + ch, c);
                }
            }
        }
    }

    /**
     * acc = plane {@code ch} of output row y after the vertical filter. Taps go four at a time, so
     * that {@code acc} is loaded and stored once per four source rows rather than once per row.
     */
    private static void accumulate(SourceRows rows, int ch, Kernel k, int y, float[] acc) {
        int first = k.start[y];
        int wi = y * k.taps;
        float w0 = k.weights[wi];
        float[] row = rows.plane(first, ch);
        for (int x = 0; x < acc.length; x++) {
            acc[x] = row[x] * w0;
        }
        int n = k.count[y];
        int j = 1;
        for (; j + 4 <= n; j += 4) {
            float wa = k.weights[wi + j];
            float wb = k.weights[wi + j + 1];
            float wc = k.weights[wi + j + 2];
            float wd = k.weights[wi + j + 3];
            float[] a = rows.plane(first + j, ch);
            float[] b = rows.plane(first + j + 1, ch);
            float[] c = rows.plane(first + j + 2, ch);
            float[] d = rows.plane(first + j + 3, ch);
            for (int x = 0; x < acc.length; x++) {
                acc[x] += a[x] * wa + b[x] * wb + c[x] * wc + d[x] * wd;
            }
        }
        for (; j < n; j++) {
            float w = k.weights[wi + j];
            row = rows.plane(first + j, ch);
            for (int x = 0; x < acc.length; x++) {
                acc[x] += row[x] * w;
            }
        }
    }

    /** Three channels with exactly {@link #NARROW} taps: a constant loop the JIT unrolls. */
    private static void horizontal3narrow(float[] r, float[] g, float[] b, int x0, Kernel k, byte[] out, int o) {
        int[] start = k.start;
        float[] weights = k.weights;
        for (int x = 0; x < start.length; x++) {
            float sr = 0.5f;
            float sg = 0.5f;
            float sb = 0.5f;
            int s = start[x] - x0;
            int wi = x * NARROW;
            for (int j = 0; j < NARROW; j++) {
                float w = weights[wi + j];
                sr += r[s + j] * w;
                sg += g[s + j] * w;
                sb += b[s + j] * w;
            }
            out[o++] = clamp(sr);
            out[o++] = clamp(sg);
            out[o++] = clamp(sb);
        }
    }

    /**
     * True when every output of {@code k} has exactly {@code k.taps} taps: 8, 10, 12, 14, 16, or
     * a multiple of 4 up to {@link #WIDEST}.
     */
    private static boolean padded(Kernel k) {
        boolean unrolled = k.taps < 16 ? k.taps % 2 == 0 : k.taps % 4 == 0;
        return unrolled && k.taps >= NARROW && k.taps <= WIDEST && k.count[0] == k.taps;
    }

    /**
     * One channel (every {@code step}-th output byte) with a {@link #padded} kernel: the taps
     * written out, one loop per tap count, so there is no inner loop whose entry and exit cost
     * more than its few iterations.
     */
    private static void horizontal1unrolled(float[] p, int x0, Kernel k, byte[] out, int o, int step) {
        int[] start = k.start;
        float[] w = k.weights;
        int n = start.length;
        if (k.taps == NARROW) {
            for (int x = 0, wi = 0; x < n; x++, wi += NARROW) {
                int s = start[x] - x0;
                out[o] = clamp(0.5f + quad(p, s, w, wi) + quad(p, s + 4, w, wi + 4));
                o += step;
            }
        } else if (k.taps == 10) {
            for (int x = 0, wi = 0; x < n; x++, wi += 10) {
                int s = start[x] - x0;
                float a = 0.5f + quad(p, s, w, wi) + p[s + 8] * w[wi + 8];
                float b = quad(p, s + 4, w, wi + 4) + p[s + 9] * w[wi + 9];
                out[o] = clamp(a + b);
                o += step;
            }
        } else if (k.taps == 14) {
            for (int x = 0, wi = 0; x < n; x++, wi += 14) {
                int s = start[x] - x0;
                float a = 0.5f + quad(p, s, w, wi) + quad(p, s + 8, w, wi + 8);
                float b = quad(p, s + 4, w, wi + 4) + p[s + 12] * w[wi + 12] + p[s + 13] * w[wi + 13];
                out[o] = clamp(a + b);
                o += step;
            }
        } else if (k.taps == 12) {
            for (int x = 0, wi = 0; x < n; x++, wi += 12) {
                int s = start[x] - x0;
                float a = 0.5f + p[s] * w[wi] + p[s + 1] * w[wi + 1] + p[s + 2] * w[wi + 2] + p[s + 3] * w[wi + 3];
                float b = p[s + 4] * w[wi + 4] + p[s + 5] * w[wi + 5] + p[s + 6] * w[wi + 6] + p[s + 7] * w[wi + 7];
                float c = p[s + 8] * w[wi + 8] + p[s + 9] * w[wi + 9] + p[s + 10] * w[wi + 10] + p[s + 11] * w[wi + 11];
                out[o] = clamp(a + b + c);
                o += step;
            }
        } else if (k.taps == 16) {
            for (int x = 0, wi = 0; x < n; x++, wi += 16) {
                int s = start[x] - x0;
                out[o] = clamp(0.5f + (quad(p, s, w, wi) + quad(p, s + 4, w, wi + 4))
                        + (quad(p, s + 8, w, wi + 8) + quad(p, s + 12, w, wi + 12)));
                o += step;
            }
        } else {
            int taps = k.taps;
            for (int x = 0, wi = 0; x < n; x++, wi += taps) {
                int s = start[x] - x0;
                float a = 0.5f + quad(p, s, w, wi) + quad(p, s + 4, w, wi + 4);
                float b = quad(p, s + 8, w, wi + 8) + quad(p, s + 12, w, wi + 12);
                for (int j = 16; j < taps; j += 4) {
                    a += quad(p, s + j, w, wi + j);
                }
                out[o] = clamp(a + b);
                o += step;
            }
        }
    }

    private static float quad(float[] p, int s, float[] w, int wi) {
        return p[s] * w[wi] + p[s + 1] * w[wi + 1] + p[s + 2] * w[wi + 2] + p[s + 3] * w[wi + 3];
    }

    private static void horizontal1(float[] plane, int x0, Kernel k, byte[] out, int o, int step) {
        for (int x = 0; x < k.start.length; x++, o += step) {
            float sum = 0.5f;
            int s = k.start[x] - x0;
            int wi = x * k.taps;
            for (int j = 0, n = k.count[x]; j < n; j++) {
                sum += plane[s + j] * k.weights[wi + j];
            }
            out[o] = clamp(sum);
        }
    }

    private static byte clamp(float v) {
        int i = (int) v;
        return (byte) (i < 0 ? 0 : i > 255 ? 255 : i);
    }

    /** A ring of source rows split into float planes, each converted once however many output rows read it. */
    private static final class SourceRows {
        private final byte[] data;
        private final int stride;
        private final int channels;
        private final int from;
        private final float[][][] ring;
        private final int[] held;
        private final boolean simd;
        /** Per channel, the value of each palette entry; null when {@code data} holds samples, not indexes. */
        private final float[][] entries;
        private final boolean interleaved;
        /** On the interleaved path from indexes: the image, its entries as ints, a row of bytes to expand into. */
        private final Indexed indexed;
        private final int[] packed;
        private final byte[] expanded;

        /** {@code interleaved}: each row one float array of its channels as stored, not a plane per channel. */
        SourceRows(Pixels src, int x0, int width, int size, boolean simd, boolean interleaved) {
            this(src.data(), src.stride(), src.channels(), x0 * src.channels(), width, size, simd, null, null,
                    interleaved);
        }

        SourceRows(Indexed src, int x0, int width, int size, boolean interleaved) {
            this(src.indexes(), src.width(), src.channels(), x0, width, size, false, src, entries(src), interleaved);
        }

        private SourceRows(byte[] data, int stride, int channels, int from, int width, int size, boolean simd,
                           Indexed indexed, float[][] entries, boolean interleaved) {
            this.simd = simd;
            this.data = data;
            this.stride = stride;
            this.channels = channels;
            this.from = from;
            this.entries = entries;
            this.interleaved = interleaved;
            this.ring = interleaved ? new float[size][1][width * channels] : new float[size][channels][width];
            this.indexed = indexed != null && interleaved ? indexed : null;
            this.packed = this.indexed != null ? indexed.packedEntries() : null;
            this.expanded = this.indexed != null ? new byte[width * channels + 1] : null;
            this.held = new int[size];
            java.util.Arrays.fill(held, -1);
        }

        private static float[][] entries(Indexed src) {
            int c = src.channels();
            float[][] entries = new float[c][Indexed.ENTRIES];
            byte[] palette = src.palette();
            for (int i = 0; i < Indexed.ENTRIES; i++) {
                for (int ch = 0; ch < c; ch++) {
                    entries[ch][i] = palette[i * 4 + ch] & 0xFF;
                }
            }
            return entries;
        }

        float[] plane(int y, int ch) {
            int slot = y % ring.length;
            float[][] planes = ring[slot];
            if (held[slot] != y) {
                split(y * stride + from, planes);
                held[slot] = y;
            }
            return planes[ch];
        }

        private void split(int at, float[][] planes) {
            int c = channels;
            if (entries != null) {
                lookUp(at, planes);
                return;
            }
            if ((c == 1 || interleaved) && simd) {
                VectorRows.widen(data, at, planes[0]);
                return;
            }
            if (c == 1 || interleaved) {
                float[] plane = planes[0];
                for (int x = 0; x < plane.length; x++) {
                    plane[x] = data[at + x] & 0xFF;
                }
                return;
            }
            for (int ch = 0; ch < c; ch++) {
                float[] plane = planes[ch];
                for (int x = 0, i = at + ch; x < plane.length; x++, i += c) {
                    plane[x] = data[i] & 0xFF;
                }
            }
        }

        /** Planes (or the interleaved row) of the row of indexes at {@code at}, from the palette's entries. */
        private void lookUp(int at, float[][] planes) {
            if (interleaved) {
                lookUpInterleaved(at, planes[0]);
                return;
            }
            float[] r = planes[0];
            float[] g = planes[1];
            float[] b = planes[2];
            float[] er = entries[0];
            float[] eg = entries[1];
            float[] eb = entries[2];
            for (int x = 0; x < r.length; x++) {
                int i = data[at + x] & 0xFF;
                r[x] = er[i];
                g[x] = eg[i];
                b[x] = eb[i];
            }
            if (channels == 4) {
                float[] a = planes[3];
                float[] ea = entries[3];
                for (int x = 0; x < a.length; x++) {
                    a[x] = ea[data[at + x] & 0xFF];
                }
            }
        }

        /**
         * The interleaved row of indexes at {@code at}: expanded to bytes one int store a pixel
         * ({@link Indexed#expandRun}, hence one spare byte), then widened to floats on vector
         * lanes, which costs less than three float lookups and stores a pixel.
         */
        private void lookUpInterleaved(int at, float[] row) {
            indexed.expandRun(packed, at, row.length / channels, expanded, 0);
            VectorRows.widen(expanded, 0, row);
        }
    }
}
