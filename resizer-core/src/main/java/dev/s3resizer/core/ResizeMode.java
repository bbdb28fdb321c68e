package dev.s3resizer.core;

import java.util.Locale;

/** How a rendition's box is filled. */
public enum ResizeMode {
    /** Shrink to fit inside the box, keeping the aspect ratio (the seed's {@code thumbnail}). */
    FIT,
    /** Fill the whole box, keeping the aspect ratio, and crop the overflow around the centre. */
    COVER,
    /** Make the width exactly the box width, keeping the aspect ratio; the height follows. */
    WIDTH;

    /** Parses {@code fit}, {@code cover} or {@code width}, ignoring case. */
    public static ResizeMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fit" -> FIT;
            case "cover" -> COVER;
            case "width" -> WIDTH;
            default -> throw new IllegalArgumentException(
                    "mode: expected fit, cover or width but got '" + text + "'");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
