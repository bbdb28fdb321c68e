package dev.s3resizer.core.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.pixels.YccPlanes;

/** Encodes sRGB pixels for one rendition. */
public interface Encoder {

    byte[] encode(Pixels pixels, Rendition rendition);

    /**
     * True when this encoder can take sRGB YCbCr planes for {@code rendition} directly
     * ({@link #encode(YccPlanes, Rendition)}), skipping a conversion to RGB and back.
     */
    default boolean takesPlanes(Rendition rendition) {
        return false;
    }

    /** Encodes a palette image in sRGB; by default its expanded pixels. */
    default byte[] encode(Indexed image, Rendition rendition) {
        return encode(image.expand(), rendition);
    }

    /** Encodes sRGB Y, Cb, Cr planes, chroma at half the luma's size; only where {@link #takesPlanes} says so. */
    default byte[] encode(YccPlanes planes, Rendition rendition) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not encode YCbCr planes");
    }
}
