package dev.s3resizer.core;

import java.util.Locale;

/**
 * What a rendition is encoded as. {@link #AUTO} keeps PNG for real transparency, JPEG otherwise;
 * {@link #WEBP} (libwebp, lossy or lossless) keeps transparency too.
 */
public enum OutputFormat {
    AUTO, JPEG, PNG, WEBP;

    /** Parses {@code auto}, {@code jpeg}/{@code jpg}, {@code png} or {@code webp}, ignoring case. */
    public static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "jpeg", "jpg" -> JPEG;
            case "png" -> PNG;
            case "webp" -> WEBP;
            default -> throw new IllegalArgumentException(
                    "format: expected auto, jpeg, png or webp but got '" + text + "'");
        };
    }

    /** The format to write for an image whose decoded pixels do or do not use transparency. */
    public ImageFormat resolve(boolean transparent) {
        return switch (this) {
            case JPEG -> ImageFormat.JPEG;
            case PNG -> ImageFormat.PNG;
            case WEBP -> ImageFormat.WEBP;
            case AUTO -> transparent ? ImageFormat.PNG : ImageFormat.JPEG;
        };
    }
}
