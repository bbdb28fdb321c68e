package dev.s3resizer.core.placeholder;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.webp.Libwebp;

import java.util.Base64;

/**
 * A placeholder a page can inline without a request: the picture at most {@link #SIDE} pixels on
 * its longer side, as a data URI of a few hundred bytes (WebP where libwebp loads, PNG otherwise),
 * which a browser stretches smoothly into a blur; and its dominant colour.
 *
 * <p>{@code Placeholder p = Placeholder.of(resizer, smallestRendition.bytes());}
 *
 * @param dataUri       {@code data:image/webp;base64,...}
 * @param mediaType     the tiny image's media type
 * @param width         its width in pixels (same aspect as the picture)
 * @param height        its height in pixels
 * @param dominantColor {@code #rrggbb}
 */
public record Placeholder(String dataUri, String mediaType, int width, int height, String dominantColor) {

    /** Longer side of the tiny image: 16 px keeps a photo's WebP around 150-300 bytes. */
    public static final int SIDE = 16;
    /** Side of the sample the dominant colour is counted on. */
    private static final int SAMPLE = 32;

    /**
     * Makes the placeholder from an image already small (a rendition), so that it costs a decode of
     * a few thousand pixels, not of the source.
     */
    public static Placeholder of(ImageResizer resizer, byte[] image) {
        OutputFormat format = Libwebp.available() ? OutputFormat.WEBP : OutputFormat.PNG;
        RenditionResult tiny = resizer.render(image, Rendition.builder("placeholder").box(SIDE, SIDE)
                .format(format).quality(40).build());
        RenditionResult sample = resizer.render(image, Rendition.builder("sample").box(SAMPLE, SAMPLE)
                .format(OutputFormat.PNG).build());
        String uri = "data:" + tiny.mediaType() + ";base64," + Base64.getEncoder().encodeToString(tiny.bytes());
        return new Placeholder(uri, tiny.mediaType(), tiny.width(), tiny.height(), DominantColor.of(sample.bytes()));
    }
}
