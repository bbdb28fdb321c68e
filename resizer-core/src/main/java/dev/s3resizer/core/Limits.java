package dev.s3resizer.core;

/**
 * Bounds checked on an image's header before any pixel is decoded, so that a hostile or huge file
 * is refused before it costs memory.
 *
 * <p>{@code new Limits(50L << 20, 100_000_000L, 1000)}
 *
 * @param maxInputBytes        largest accepted encoded size
 * @param maxPixels            largest accepted width x height
 * @param maxFrames            largest accepted frame count (animated GIF, WebP, multi-page TIFF)
 * @param maxMillisPerMegapixel the {@link TimeBudget} of a rendering, per megapixel of the source
 *                             (at least five megapixels' worth); over it the image is refused as
 *                             {@code too-slow}
 */
public record Limits(long maxInputBytes, long maxPixels, int maxFrames, long maxMillisPerMegapixel) {

    /**
     * Three seconds per megapixel: real images of every supported format take well under a tenth
     * of that on one core, files crafted to be slow many times more.
     */
    public static final long DEFAULT_MILLIS_PER_MEGAPIXEL = 3000;

    /** 256 MiB, 100 megapixels, 1000 frames, 3 s per megapixel. */
    public static final Limits DEFAULT = new Limits(256L << 20, 100_000_000L, 1000);

    /** With the default time budget ({@link #DEFAULT_MILLIS_PER_MEGAPIXEL}). */
    public Limits(long maxInputBytes, long maxPixels, int maxFrames) {
        this(maxInputBytes, maxPixels, maxFrames, DEFAULT_MILLIS_PER_MEGAPIXEL);
    }

    public Limits {
        if (maxInputBytes <= 0) {
            throw new IllegalArgumentException("maxInputBytes: expected > 0 but got " + maxInputBytes);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels: expected > 0 but got " + maxPixels);
        }
        if (maxFrames <= 0) {
            throw new IllegalArgumentException("maxFrames: expected > 0 but got " + maxFrames);
        }
        if (maxMillisPerMegapixel <= 0) {
            throw new IllegalArgumentException("maxMillisPerMegapixel: expected > 0 but got " + maxMillisPerMegapixel);
        }
    }

    /** The time budget of rendering {@code info}'s image ({@link TimeBudget#millisFor}). */
    public long millisFor(ImageInfo info) {
        return TimeBudget.millisFor((long) info.width() * info.height(), maxMillisPerMegapixel);
    }

    /** Throws {@link ImageTooLargeException} when the probed image or its byte size is over a bound. */
    public void check(ImageInfo info, long inputBytes) {
        if (inputBytes > maxInputBytes) {
            throw new ImageTooLargeException("input is " + inputBytes + " bytes, over the limit of "
                    + maxInputBytes + " bytes");
        }
        long pixels = (long) info.width() * info.height();
        if (pixels > maxPixels) {
            throw new ImageTooLargeException(info.format() + " image is " + info.width() + "x" + info.height()
                    + " (" + megapixels(pixels) + " MP), over the limit of " + megapixels(maxPixels)
                    + " MP; refused before decoding");
        }
        if (info.frames() > maxFrames) {
            throw new ImageTooLargeException(info.format() + " image has " + info.frames()
                    + " frames, over the limit of " + maxFrames);
        }
    }

    private static String megapixels(long pixels) {
        return String.format(java.util.Locale.ROOT, "%.1f", pixels / 1e6);
    }
}
