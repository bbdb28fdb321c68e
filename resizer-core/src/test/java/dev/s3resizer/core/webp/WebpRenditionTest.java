package dev.s3resizer.core.webp;

import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.NativeWebpDecoder;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.ExifBlock;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.Rasters;
import dev.s3resizer.core.fixture.Similarity;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebP rendition of every kind of source the corpus has (photo, progressive, EXIF-rotated, CMYK,
 * 16-bit with alpha, gray, GIF, WebP itself) is a WebP that libwebp decodes, looks like the PNG
 * rendition of the same source, and, where {@code dwebp} is installed, that dwebp decodes too.
 */
class WebpRenditionTest {

    private static final int[] PATCHES = {0xC83C28, 0x2878C8, 0xF0DC3C, 0x5A5A5A};
    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    @BeforeAll
    static void libwebpLoads() {
        assertThat(Libwebp.problem()).as("libwebp on " + Libwebp.platform()).isNull();
    }

    static Stream<Arguments> sources() {
        BufferedImage photo = Pictures.waves(240, 160);
        byte[] rotated = JpegSegments.insert(Codecs.jpeg(Pictures.storedFor(photo, 6), 92),
                JpegSegments.exif(ExifBlock.bigEndian().orientation(6).toTiff()));
        return Stream.of(
                Arguments.of("photo.jpg", Codecs.jpeg(photo, 92)),
                Arguments.of("progressive.jpg", Codecs.progressiveJpeg(photo, 92)),
                Arguments.of("exif-6.jpg", rotated),
                Arguments.of("cmyk.jpg", Codecs.resource("cmyk-swop-profile.jpg")),
                Arguments.of("16-bit-alpha.png", Codecs.png(sixteenBitWithAlpha(Pictures.patches(64, 64, PATCHES)))),
                Arguments.of("gray.png", Codecs.png(Pictures.grayRamp(128, 16))),
                Arguments.of("palette.gif", Codecs.gif(Pictures.patches(64, 64, PATCHES))),
                Arguments.of("lossy-alpha.webp", Codecs.resource("half-transparent-lossy.webp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void webpRenditionDecodesAndLooksLikeThePngOne(String name, byte[] source, @TempDir Path dir)
            throws Exception {
        RenditionResult webp = resizer.render(source, Rendition.parse("w", "100,webp,q90"));
        RenditionResult png = resizer.render(source, Rendition.parse("p", "100,png"));

        assertThat(webp.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(webp.mediaType()).isEqualTo("image/webp");
        assertThat(new String(webp.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(webp.bytes(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        BufferedImage decoded = nativeDecode(webp.bytes());
        BufferedImage reference = Codecs.decode(png.bytes());
        assertThat(decoded.getWidth()).isEqualTo(webp.width()).isEqualTo(png.width());
        assertThat(decoded.getHeight()).isEqualTo(webp.height()).isEqualTo(png.height());
        assertThat(Similarity.psnr(opaque(decoded), opaque(reference))).as(name).isGreaterThan(30);
        assertThat(decoded.getColorModel().hasAlpha()).as(name + " keeps alpha")
                .isEqualTo(reference.getColorModel().hasAlpha());
        dwebpDecodes(webp, dir);
    }

    @Test
    void losslessKeepsEveryPixelAndAlpha() {
        byte[] source = Codecs.resource("half-transparent-lossless.webp");
        RenditionResult webp = resizer.render(source, Rendition.parse("w", "1000,webp,lossless"));
        BufferedImage reference = Codecs.decode(resizer.render(source, Rendition.parse("p", "1000,png")).bytes());

        BufferedImage decoded = nativeDecode(webp.bytes());
        assertThat(new String(webp.bytes(), 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8L");
        for (int y = 0; y < 64; y += 7) {
            for (int x = 0; x < 64; x += 5) {
                assertThat(decoded.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(reference.getRGB(x, y));
            }
        }
        assertThat(Similarity.alpha(decoded, 48, 32)).isEqualTo(Similarity.alpha(reference, 48, 32)).isBetween(127, 128);
    }

    @Test
    void lossyKeepsAlphaAndQualityChangesSize() {
        byte[] source = Codecs.png(Pictures.waves(320, 200));
        int low = resizer.render(source, Rendition.parse("w", "320,webp,q30")).size();
        int high = resizer.render(source, Rendition.parse("w", "320,webp,q95")).size();
        assertThat(high).isGreaterThan(low * 2);

        RenditionResult alpha = resizer.render(Codecs.resource("half-transparent-lossy.webp"),
                Rendition.parse("w", "1000,webp,q80"));
        BufferedImage decoded = nativeDecode(alpha.bytes());
        assertThat(Similarity.alpha(decoded, 16, 32)).isEqualTo(255);
        assertThat(Similarity.alpha(decoded, 48, 32)).isBetween(120, 136);
    }

    @Test
    void webpInputGoesThroughLibwebpWithShrinkOnLoad() {
        byte[] source = resizer.render(Codecs.png(Pictures.waves(400, 300)), Rendition.parse("w", "400,webp,q90"))
                .bytes();
        ImageInfo info = ImageProbe.probe(source);

        Decoded full = new NativeWebpDecoder().decode(source, info, 400, 300);
        Decoded shrunk = new NativeWebpDecoder().decode(source, info, 90, 67);
        Decoded unshrunk = new NativeWebpDecoder().decode(source, info, 240, 180);

        assertThat(full.pixels().width()).isEqualTo(400);
        // A third more than 90x67 leaves room for a factor of 3 (133x100); a third more than 240x180
        // leaves room for 1.25, below the least factor of 1.5: no shrink.
        assertThat(shrunk.pixels().width()).isEqualTo(133);
        assertThat(shrunk.pixels().height()).isEqualTo(100);
        assertThat(unshrunk.pixels().width()).isEqualTo(400);
        BufferedImage fromShrunk = Rasters.toImage(shrunk.pixels());
        assertThat(Similarity.psnr(fromShrunk, Similarity.areaDownscale(Rasters.toImage(full.pixels()), 133, 100)))
                .isGreaterThan(30);
    }

    @Test
    void animatedWebpIsDeclinedByLibwebpAndReadByThePureJavaReader() {
        RenditionResult out = resizer.render(Codecs.resource("animated-3-frames.webp"), Rendition.parse("p", "100,png"));
        assertThat(Similarity.rgb(Codecs.decode(out.bytes()), 16, 12)).satisfies(rgb ->
                assertThat(Similarity.distance(rgb, new int[] {200, 60, 40})).isLessThan(12));
    }

    private static BufferedImage nativeDecode(byte[] webp) {
        ImageInfo info = ImageProbe.probe(webp);
        return Rasters.toImage(new NativeWebpDecoder().decode(webp, info, info.width(), info.height()).pixels());
    }

    /** Composited onto white, so that PSNR compares what a page shows. */
    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static void dwebpDecodes(RenditionResult webp, Path dir) throws IOException, InterruptedException {
        String dwebp = onPath("dwebp");
        Assumptions.assumeTrue(dwebp != null, "dwebp is not installed (Debian package webp): only libwebp"
                + " through the binding checked the output");
        Path in = Files.write(dir.resolve("out.webp"), webp.bytes());
        Path out = dir.resolve("out.png");
        Process p = new ProcessBuilder(dwebp, in.toString(), "-o", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        BufferedImage decoded = Codecs.decode(Files.readAllBytes(out));
        assertThat(new int[] {decoded.getWidth(), decoded.getHeight()}).containsExactly(webp.width(), webp.height());
    }

    private static String onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(d -> Path.of(d, tool)).filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }

    private static BufferedImage sixteenBitWithAlpha(BufferedImage picture) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(picture.getWidth(), picture.getHeight());
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int[] rgb = Similarity.rgb(picture, x, y);
                int a = x < picture.getWidth() / 2 ? 65535 : 128 * 257;
                raster.setPixel(x, y, new int[] {rgb[0] * 257, rgb[1] * 257, rgb[2] * 257, a});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }
}
