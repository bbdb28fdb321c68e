package dev.s3resizer.core;

/**
 * What a probe learns from an image's header without decoding pixels.
 *
 * @param format      container format, from the magic number
 * @param width       stored width in pixels (before orientation)
 * @param height      stored height in pixels (before orientation)
 * @param frames      number of frames or pages, 1 for still images
 * @param orientation EXIF orientation 1-8 (1 when absent)
 * @param hasIccProfile whether an embedded ICC profile was found
 * @param cmyk        whether the pixels are stored as CMYK or YCCK
 */
public record ImageInfo(ImageFormat format, int width, int height, int frames, int orientation,
                        boolean hasIccProfile, boolean cmyk) {

    /** True when orientation swaps width and height (EXIF 5-8). */
    public boolean transposed() {
        return orientation >= 5 && orientation <= 8;
    }

    /** Width as displayed, after the orientation is applied. */
    public int displayWidth() {
        return transposed() ? height : width;
    }

    /** Height as displayed, after the orientation is applied. */
    public int displayHeight() {
        return transposed() ? width : height;
    }
}
