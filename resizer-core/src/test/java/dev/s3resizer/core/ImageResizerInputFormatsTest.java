package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.fixture.Similarity;
import org.junit.jupiter.api.Test;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input layout the core claims to read comes out looking like its source: gray, 1-bit,
 * palette with tRNS, 16-bit gray and RGB(A), gray with alpha, progressive JPEG, GIF (animated:
 * the first frame), BMP, TIFF and WebP (lossy, lossless, with alpha).
 */
class ImageResizerInputFormatsTest {

    private static final BufferedImage PICTURE = Pictures.asymmetric(64, 48);
    private static final int[] PATCHES = {0xC83C28, 0x2878C8, 0xF0DC3C, 0x5A5A5A};
    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    @Test
    void grayscalePng() {
        BufferedImage ramp = Pictures.grayRamp(64, 8);
        assertThat(Similarity.meanAbsDiff(render(Codecs.png(ramp), "1000,png"), ramp)).isLessThan(0.01);
    }

    @Test
    void oneBitPng() {
        BufferedImage bits = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 8; x++) {
                bits.getRaster().setSample(x, y, 0, 1);
            }
        }
        BufferedImage out = render(Codecs.png(bits), "1000,png");
        assertThat(Similarity.rgb(out, 2, 8)).containsExactly(255, 255, 255);
        assertThat(Similarity.rgb(out, 12, 8)).containsExactly(0, 0, 0);
    }

    @Test
    void palettePngWithTransparencyTable() {
        byte[] r = {0, (byte) 200, 40};
        byte[] g = {0, 60, 120};
        byte[] b = {0, 40, (byte) 200};
        byte[] a = {0, (byte) 255, (byte) 128};
        BufferedImage indexed = new BufferedImage(30, 10, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b, a));
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 30; x++) {
                indexed.getRaster().setSample(x, y, 0, x / 10);
            }
        }
        RenditionResult result = resizer.render(Codecs.png(indexed), Rendition.parse("p", "1000,auto"));

        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        BufferedImage out = Codecs.decode(result.bytes());
        assertThat(Similarity.alpha(out, 5, 5)).isZero();
        assertThat(Similarity.alpha(out, 15, 5)).isEqualTo(255);
        assertThat(Similarity.rgb(out, 15, 5)).containsExactly(200, 60, 40);
        assertThat(Similarity.alpha(out, 25, 5)).isEqualTo(128);
        assertThat(Similarity.rgb(out, 25, 5)).containsExactly(40, 120, 200);
    }

    @Test
    void grayAndRgbPngWithTransparencyTable() {
        byte[] gray = PngChunks.insertAfterHeader(Codecs.png(Pictures.grayRamp(256, 4)),
                PngChunks.chunk("tRNS", new byte[] {0, 0}));
        byte[] rgb = PngChunks.insertAfterHeader(Codecs.png(Pictures.patches(20, 20, PATCHES)),
                PngChunks.chunk("tRNS", new byte[] {0, (byte) 0xC8, 0, 0x3C, 0, 0x28}));

        for (byte[] png : List.of(gray, rgb)) {
            RenditionResult result = resizer.render(png, Rendition.parse("t", "1000,auto"));
            BufferedImage out = Codecs.decode(result.bytes());
            assertThat(result.format()).isEqualTo(ImageFormat.PNG);
            assertThat(Similarity.alpha(out, 0, 0)).isZero();
            assertThat(Similarity.alpha(out, out.getWidth() - 1, out.getHeight() - 1)).isEqualTo(255);
        }
    }

    @Test
    void sixteenBitGrayPng() {
        BufferedImage deep = new BufferedImage(64, 8, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 64; x++) {
                deep.getRaster().setSample(x, y, 0, 257 * (255 * x / 63));
            }
        }
        assertThat(Similarity.meanAbsDiff(render(Codecs.png(deep), "1000,png"), Pictures.grayRamp(64, 8)))
                .isLessThan(0.01);
    }

    @Test
    void sixteenBitRgbPng() {
        BufferedImage out = render(Codecs.png(sixteenBit(Pictures.patches(32, 32, PATCHES), false)), "1000,png");
        assertThat(Similarity.meanAbsDiff(out, Pictures.patches(32, 32, PATCHES))).isLessThan(0.01);
    }

    @Test
    void sixteenBitRgbaPngKeepsAlpha() {
        RenditionResult result = resizer.render(Codecs.png(sixteenBit(Pictures.patches(32, 32, PATCHES), true)),
                Rendition.parse("p", "1000,auto"));

        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        BufferedImage out = Codecs.decode(result.bytes());
        assertThat(Similarity.alpha(out, 8, 8)).isEqualTo(255);
        assertThat(Similarity.alpha(out, 24, 8)).isEqualTo(128);
        assertThat(Similarity.rgb(out, 8, 8)).containsExactly(200, 60, 40);
    }

    @Test
    void grayWithAlphaPng() {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(20, 10);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                raster.setPixel(x, y, new int[] {90, x < 10 ? 255 : 0});
            }
        }
        RenditionResult result = resizer.render(Codecs.png(new BufferedImage(model, raster, false, null)),
                Rendition.parse("p", "1000,auto"));

        BufferedImage out = Codecs.decode(result.bytes());
        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        assertThat(Similarity.rgb(out, 5, 5)).containsExactly(90, 90, 90);
        assertThat(Similarity.alpha(out, 5, 5)).isEqualTo(255);
        assertThat(Similarity.alpha(out, 15, 5)).isZero();
    }

    @Test
    void baselineAndProgressiveJpeg() {
        assertThat(Similarity.meanAbsDiff(render(Codecs.jpeg(PICTURE, 95), "1000,png"), PICTURE)).isLessThan(3);
        assertThat(Similarity.meanAbsDiff(render(Codecs.progressiveJpeg(PICTURE, 95), "1000,png"), PICTURE)).isLessThan(3);
    }

    @Test
    void gif() {
        BufferedImage patches = Pictures.patches(32, 32, PATCHES);
        assertThat(Similarity.meanAbsDiff(render(Codecs.gif(patches), "1000,png"), patches)).isLessThan(1);
    }

    @Test
    void animatedGifGivesItsFirstFrame() {
        List<BufferedImage> frames = List.of(Pictures.patches(24, 24, 0xC83C28, 0xC83C28, 0xC83C28, 0xC83C28),
                Pictures.patches(24, 24, 0x2878C8, 0x2878C8, 0x2878C8, 0x2878C8),
                Pictures.patches(24, 24, 0xF0DC3C, 0xF0DC3C, 0xF0DC3C, 0xF0DC3C));
        byte[] gif = Codecs.animatedGif(frames);
        assertThat(resizer.inspect(gif).frames()).isEqualTo(3);

        BufferedImage out = render(gif, "1000,png");

        assertThat(Similarity.meanAbsDiff(out, frames.getFirst())).isLessThan(1);
    }

    /**
     * Bug: ImageIO returns a GIF's first frame without its screen; a 20x20 frame at (10,10) on a
     * 40x40 screen was stretched over the whole output instead of placed on a transparent canvas.
     */
    @Test
    void regressionGifFrameSmallerThanScreenWasStretched() {
        byte[] gif = Codecs.gifOnScreen(Pictures.patches(20, 20, PATCHES), 40, 40, 10, 10);

        RenditionResult result = resizer.render(gif, Rendition.parse("g", "1000,auto"));

        BufferedImage out = Codecs.decode(result.bytes());
        assertThat(result.width()).isEqualTo(40);
        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        assertThat(Similarity.alpha(out, 2, 2)).isZero();
        assertThat(Similarity.alpha(out, 35, 35)).isZero();
        assertThat(Similarity.rgb(out, 12, 12)).containsExactly(200, 60, 40);
        assertThat(Similarity.rgb(out, 27, 27)).containsExactly(90, 90, 90);
        assertThat(Similarity.alpha(out, 27, 27)).isEqualTo(255);
    }

    @Test
    void bmp() {
        assertThat(Similarity.meanAbsDiff(render(Codecs.bmp(PICTURE), "1000,png"), PICTURE)).isLessThan(0.01);
    }

    @Test
    void tiff() {
        assertThat(Similarity.meanAbsDiff(render(Codecs.tiff(PICTURE), "1000,png"), PICTURE)).isLessThan(0.01);
    }

    @Test
    void lossyWebp() {
        BufferedImage patches = Pictures.patches(64, 64, PATCHES);
        assertThat(Similarity.meanAbsDiff(render(Codecs.resource("patches-lossy.webp"), "1000,png"), patches))
                .isLessThan(3);
    }

    @Test
    void webpWithAlphaLosslessAndLossy() {
        for (String name : List.of("half-transparent-lossless.webp", "half-transparent-lossy.webp")) {
            RenditionResult result = resizer.render(Codecs.resource(name), Rendition.parse("w", "1000,auto"));

            BufferedImage out = Codecs.decode(result.bytes());
            assertThat(result.format()).as(name).isEqualTo(ImageFormat.PNG);
            assertThat(Similarity.alpha(out, 16, 32)).as(name).isEqualTo(255);
            assertThat(Similarity.alpha(out, 48, 32)).as(name).isBetween(125, 130);
            assertThat(Similarity.distance(Similarity.rgb(out, 16, 32), new int[] {200, 60, 40})).as(name)
                    .isLessThanOrEqualTo(4);
            assertThat(Similarity.distance(Similarity.rgb(out, 48, 32), new int[] {40, 120, 200})).as(name)
                    .isLessThanOrEqualTo(4);
        }
    }

    @Test
    void animatedWebpGivesItsFirstFrame() {
        byte[] webp = Codecs.resource("animated-3-frames.webp");
        assertThat(resizer.inspect(webp).frames()).isEqualTo(3);

        BufferedImage out = render(webp, "1000,png");

        assertThat(out.getWidth()).isEqualTo(32);
        assertThat(Similarity.distance(Similarity.rgb(out, 16, 12), new int[] {200, 60, 40})).isLessThanOrEqualTo(4);
    }

    @Test
    void resizingWorksForEveryFormat() {
        BufferedImage expected = Similarity.areaDownscale(PICTURE, 32, 24);
        for (byte[] input : List.of(Codecs.png(PICTURE), Codecs.jpeg(PICTURE, 95), Codecs.bmp(PICTURE),
                Codecs.tiff(PICTURE), Codecs.progressiveJpeg(PICTURE, 95))) {
            RenditionResult result = resizer.render(input, Rendition.parse("half", "32x32,fit,png"));

            assertThat(result.width()).isEqualTo(32);
            assertThat(result.height()).isEqualTo(24);
            assertThat(Similarity.meanAbsDiff(Codecs.decode(result.bytes()), expected)).isLessThan(4);
        }
    }

    private BufferedImage render(byte[] input, String spec) {
        return Codecs.decode(resizer.render(input, Rendition.parse("r", spec)).bytes());
    }

    /** The picture with 16-bit samples (v * 257); with alpha, the right half at 50%. */
    private static BufferedImage sixteenBit(BufferedImage picture, boolean alpha) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(picture.getWidth(), picture.getHeight());
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int[] rgb = Similarity.rgb(picture, x, y);
                int a = x < picture.getWidth() / 2 ? 65535 : 128 * 257;
                raster.setPixel(x, y, alpha ? new int[] {rgb[0] * 257, rgb[1] * 257, rgb[2] * 257, a}
                        : new int[] {rgb[0] * 257, rgb[1] * 257, rgb[2] * 257});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }
}
