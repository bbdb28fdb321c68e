package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.UnsupportedImageException;

/**
 * A valid JPEG in a flavour {@link ScaledJpegDecoder} does not decode (arithmetic coding, 12-bit
 * samples, lossless, hierarchical, unusual sampling). {@link ScaledJpegDecoder#withImageIoFallback} catches it and lets
 * ImageIO decode the file instead; it is a {@link UnsupportedImageException} so that, should it
 * escape, it still reads as "cannot decode" rather than as a crash.
 */
final class UnsupportedJpegException extends UnsupportedImageException {

    UnsupportedJpegException(String message) {
        super("JPEG: " + message);
    }
}
