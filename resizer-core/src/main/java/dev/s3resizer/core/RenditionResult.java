package dev.s3resizer.core;

/**
 * One encoded rendition and the facts a caller needs to store it.
 *
 * @param rendition the spec it was made for
 * @param bytes     the encoded image
 * @param format    the encoded format; {@link ImageFormat#mediaType()} is its Content-Type
 * @param width     output width in pixels
 * @param height    output height in pixels
 */
public record RenditionResult(Rendition rendition, byte[] bytes, ImageFormat format, int width, int height) {

    public String mediaType() {
        return format.mediaType();
    }

    public int size() {
        return bytes.length;
    }
}
