package dev.s3resizer.core.decode;

/**
 * What the pipeline needs from a decode, in stored orientation: at least {@code minWidth x
 * minHeight} samples. With {@code planes}, every rendition is a 4:2:0 JPEG, so a decoder may hand
 * back YCbCr planes ({@link Decoded#ycc()}) in sRGB, or in a profile that
 * {@link dev.s3resizer.core.color.SrgbConverter#convertsPlanes} accepts, with chroma of at least half that size instead of
 * pixels. A decoder may decode smaller than asked only where its scaling is as good as resampling.
 * With {@code lean}, the work would not fit in memory otherwise: the decoder takes the layout that
 * needs the least memory and still gives the minimum size, even where it is less sharp.
 * A {@code background} of 0 or more (0xRRGGBB) says that every rendition drops alpha by
 * compositing onto that colour: a decoder of an image without an ICC profile may then hand back
 * RGB pixels already composited onto it ({@link dev.s3resizer.core.adjust.Flatten}), as the
 * pipeline would before resampling; -1 when some rendition may keep alpha.
 * With {@code indexes}, a decoder may hand back a palette image as its indexes and palette
 * ({@link Decoded#indexed()}) instead of pixels.
 *
 * <p>{@code decoder.decode(bytes, info, new DecodeRequest(1500, 1125, true));}
 */
public record DecodeRequest(int minWidth, int minHeight, boolean planes, boolean lean, int background,
                            boolean indexes) {

    /** No background: alpha is kept. */
    public static final int KEEP_ALPHA = -1;

    public DecodeRequest(int minWidth, int minHeight, boolean planes) {
        this(minWidth, minHeight, planes, false, KEEP_ALPHA, false);
    }

    public DecodeRequest(int minWidth, int minHeight, boolean planes, boolean lean) {
        this(minWidth, minHeight, planes, lean, KEEP_ALPHA, false);
    }

    /** Whether the renditions composite alpha onto {@link #background()}. */
    public boolean flattens() {
        return background >= 0;
    }

    /** Chroma samples needed across, when planes are returned. */
    public int chromaWidth() {
        return (minWidth + 1) / 2;
    }

    /** Chroma samples needed down, when planes are returned. */
    public int chromaHeight() {
        return (minHeight + 1) / 2;
    }
}
