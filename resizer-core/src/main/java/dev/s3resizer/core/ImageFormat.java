package dev.s3resizer.core;

/** Image container formats recognised from their magic numbers. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    GIF("image/gif", "gif", true),
    BMP("image/bmp", "bmp", true),
    TIFF("image/tiff", "tif", true),
    WEBP("image/webp", "webp", true),
    HEIC("image/heic", "heic", false),
    AVIF("image/avif", "avif", false);

    private final String mediaType;
    private final String extension;
    private final boolean decodable;

    ImageFormat(String mediaType, String extension, boolean decodable) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.decodable = decodable;
    }

    /** The IANA media type, for Content-Type headers. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether this build can decode the format's pixels (HEIC and AVIF are recognised only). */
    public boolean decodable() {
        return decodable;
    }
}
