package dev.s3resizer.core.webp;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.core.fixture.Codecs;

/**
 * Run in a JVM where libwebp cannot load (its extraction directory does not exist): prints what
 * a WebP input and a WebP output give, one line each, for {@link LibwebpMissingIT}.
 */
public final class WithoutLibwebp {

    private WithoutLibwebp() {
    }

    public static void main(String[] args) {
        ImageResizer resizer = new ImageResizer(Limits.DEFAULT);
        var png = resizer.render(Codecs.resource("patches-lossy.webp"), Rendition.parse("p", "1000,png"));
        System.out.println("input: " + png.width() + "x" + png.height());
        try {
            resizer.render(Codecs.png(Codecs.decode(png.bytes())), Rendition.parse("w", "1000,webp"));
            System.out.println("output: written");
        } catch (ResizerException e) {
            System.out.println("output: refused, retryable=" + e.retryable() + ": " + e.getMessage());
        }
    }
}
