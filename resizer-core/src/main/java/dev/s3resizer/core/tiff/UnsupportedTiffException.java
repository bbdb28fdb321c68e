package dev.s3resizer.core.tiff;

import dev.s3resizer.core.UnsupportedImageException;

/**
 * A valid TIFF in a flavour {@link TiffDecoder} does not decode (planar, 16-bit, palette, CMYK,
 * JPEG-compressed...). {@link TiffDecoder#withImageIoFallback} catches it and lets ImageIO decode the
 * file instead.
 */
final class UnsupportedTiffException extends UnsupportedImageException {

    UnsupportedTiffException(String message) {
        super("TIFF: " + message);
    }
}
