package dev.s3resizer.core.png;

import dev.s3resizer.core.UnsupportedImageException;

/**
 * A valid PNG in a flavour {@link PngDecoder} does not decode (gray samples of
 * fewer than 8 bits). {@link PngDecoder#withImageIoFallback} catches it and lets ImageIO decode the file
 * instead; it is a {@link UnsupportedImageException} so that, should it escape, it still reads as
 * "cannot decode" rather than as a crash.
 */
final class UnsupportedPngException extends UnsupportedImageException {

    UnsupportedPngException(String message) {
        super("PNG: " + message);
    }
}
