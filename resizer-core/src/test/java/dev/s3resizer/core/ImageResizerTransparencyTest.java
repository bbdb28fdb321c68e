package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.Similarity;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transparency: flattened onto the rendition's background (white by default, never black) when the
 * output has no alpha, and kept by {@code auto} only when some pixel really is transparent.
 */
class ImageResizerTransparencyTest {

    private static final int RED = 0xFFC83C28;
    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    @Test
    void transparentPngToJpegHasWhiteNotBlackBackground() {
        RenditionResult result = resizer.render(redSquareOnTransparentBlack(), Rendition.parse("j", "1000,jpeg,q95"));

        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        BufferedImage out = Codecs.decode(result.bytes());
        assertThat(Similarity.distance(Similarity.rgb(out, 3, 3), new int[] {255, 255, 255})).isLessThanOrEqualTo(3);
        assertThat(Similarity.distance(Similarity.rgb(out, 32, 32), new int[] {200, 60, 40})).isLessThanOrEqualTo(6);
    }

    @Test
    void backgroundColourOfTheRenditionIsUsed() {
        RenditionResult result = resizer.render(redSquareOnTransparentBlack(), Rendition.parse("j", "1000,jpeg,bg=00ff00"));

        int[] corner = Similarity.rgb(Codecs.decode(result.bytes()), 3, 3);
        assertThat(Similarity.distance(corner, new int[] {0, 255, 0})).isLessThanOrEqualTo(6);
    }

    @Test
    void halfTransparentBlackOnWhiteIsMidGray() {
        byte[] png = Codecs.png(Pictures.filled(32, 32, 0x80000000));

        int[] rgb = Similarity.rgb(Codecs.decode(resizer.render(png, Rendition.parse("j", "1000,jpeg,q95")).bytes()), 16, 16);

        assertThat(Similarity.distance(rgb, new int[] {127, 127, 127})).isLessThanOrEqualTo(3);
    }

    @Test
    void autoKeepsPngWithAlphaForRealTransparency() {
        RenditionResult result = resizer.render(redSquareOnTransparentBlack(), Rendition.parse("a", "1000,auto"));

        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        assertThat(result.mediaType()).isEqualTo("image/png");
        BufferedImage out = Codecs.decode(result.bytes());
        assertThat(Similarity.alpha(out, 3, 3)).isZero();
        assertThat(Similarity.alpha(out, 32, 32)).isEqualTo(255);
        assertThat(Similarity.rgb(out, 32, 32)).containsExactly(200, 60, 40);
    }

    @Test
    void autoKeepsPngWhenASinglePixelIsTransparent() {
        BufferedImage image = Pictures.filled(40, 40, RED);
        image.setRGB(39, 39, 0x00000000);

        assertThat(resizer.render(Codecs.png(image), Rendition.parse("a", "1000,auto")).format())
                .isEqualTo(ImageFormat.PNG);
    }

    @Test
    void autoWritesJpegForOpaqueRgba() {
        byte[] png = Codecs.png(Pictures.filled(40, 40, RED));
        assertThat(Codecs.decode(png).getColorModel().hasAlpha()).as("fixture has an alpha channel").isTrue();

        RenditionResult result = resizer.render(png, Rendition.parse("a", "1000,auto"));

        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(result.mediaType()).isEqualTo("image/jpeg");
        assertThat(Similarity.distance(Similarity.rgb(Codecs.decode(result.bytes()), 20, 20), new int[] {200, 60, 40}))
                .isLessThanOrEqualTo(6);
    }

    @Test
    void autoWritesJpegForOpaqueRgb() {
        byte[] png = Codecs.png(Pictures.asymmetric(40, 30));

        assertThat(resizer.render(png, Rendition.parse("a", "1000,auto")).format()).isEqualTo(ImageFormat.JPEG);
    }

    @Test
    void explicitPngKeepsTransparency() {
        RenditionResult result = resizer.render(redSquareOnTransparentBlack(), Rendition.parse("p", "32,png"));

        BufferedImage out = Codecs.decode(result.bytes());
        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        assertThat(Similarity.alpha(out, 1, 1)).isZero();
        assertThat(Similarity.alpha(out, 16, 16)).isEqualTo(255);
    }

    @Test
    void resizedTransparentEdgeFlattensWithoutADarkFringe() {
        BufferedImage image = Pictures.filled(200, 200, 0x00000000);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 100; x++) {
                image.setRGB(x, y, 0xFFFFFFFF);
            }
        }

        BufferedImage out = Codecs.decode(resizer.render(Codecs.png(image), Rendition.parse("j", "37,jpeg,q95")).bytes());

        for (int x = 0; x < out.getWidth(); x++) {
            assertThat(Similarity.rgb(out, x, 18)[0]).as("column %d", x).isGreaterThanOrEqualTo(248);
        }
    }

    /** 64x64, transparent black everywhere except an opaque red square in the middle (16..47). */
    private static byte[] redSquareOnTransparentBlack() {
        BufferedImage image = Pictures.filled(64, 64, 0x00000000);
        for (int y = 16; y < 48; y++) {
            for (int x = 16; x < 48; x++) {
                image.setRGB(x, y, RED);
            }
        }
        return Codecs.png(image);
    }
}
