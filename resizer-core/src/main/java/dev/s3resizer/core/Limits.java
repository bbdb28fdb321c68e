package dev.s3resizer.core;

/**
 * Bounds checked on an image's header before any pixel is decoded, so that a hostile or huge file
 * is refused before it costs memory.
 *
 * <p>{@code new Limits(50L << 20, 100_000_000L, 1000)}
 *
 * @param maxInputBytes largest accepted encoded size
 * @param maxPixels     largest accepted width x height
 * @param maxFrames     largest accepted frame count (animated GIF, WebP, multi-page TIFF)
 */
public record Limits(long maxInputBytes, long maxPixels, int maxFrames) {

    /** 256 MiB, 100 megapixels, 1000 frames. */
    public static final Limits DEFAULT = new Limits(256L << 20, 100_000_000L, 1000);

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
