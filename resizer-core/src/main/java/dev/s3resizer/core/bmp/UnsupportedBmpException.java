package dev.s3resizer.core.bmp;

import dev.s3resizer.core.UnsupportedImageException;

/** A valid BMP in a flavour {@link BmpDecoder} leaves to ImageIO (RLE, bit fields, 1-, 4-, 16- or 32-bit pixels). */
final class UnsupportedBmpException extends UnsupportedImageException {

    UnsupportedBmpException(String message) {
        super("BMP: " + message);
    }
}
