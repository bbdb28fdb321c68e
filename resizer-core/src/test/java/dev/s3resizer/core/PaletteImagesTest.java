package dev.s3resizer.core;

import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Rasters;
import dev.s3resizer.core.fixture.Similarity;
import dev.s3resizer.core.gif.GifDecoder;
import dev.s3resizer.core.jpeg.encode.JpegEncoder;
import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.png.PngDecoder;
import dev.s3resizer.core.probe.ImageProbe;
import dev.s3resizer.core.resample.Plan;
import dev.s3resizer.core.resample.Resampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Palette PNGs and GIFs take the indexed path (decoded as indexes and palette, resampled and
 * encoded from the indexes): each step must give what the same step gives the expanded pixels,
 * and a whole rendition what the same picture stored as truecolour gives.
 */
class PaletteImagesTest {

    private static final int WIDTH = 301;
    private static final int HEIGHT = 203;
    /** At the stored size, alpha kept, palette images as their indexes. */
    private static final DecodeRequest INDEXES = new DecodeRequest(WIDTH, HEIGHT, false, false,
            DecodeRequest.KEEP_ALPHA, true);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png8", "png8-trns", "png4", "png2", "png1", "gif", "gif-transparent"})
    void indexesExpandToThePixelsOfTheUsualDecode(String kind) {
        byte[] file = file(kind);
        ImageInfo info = ImageProbe.probe(file);
        Decoder decoder = kind.startsWith("gif") ? new GifDecoder() : new PngDecoder();

        Decoded indexed = decoder.decode(file, info, INDEXES);
        Pixels pixels = decoder.decode(file, info, new DecodeRequest(WIDTH, HEIGHT, false)).pixels();

        assertThat(indexed.indexed()).as("decoded as indexes").isNotNull();
        Pixels expanded = indexed.indexed().expand();
        assertThat(expanded.channels()).isEqualTo(pixels.channels());
        assertThat(Arrays.mismatch(expanded.data(), pixels.data())).as("first byte that differs").isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0} to {1}x{2}")
    @CsvSource({"png8, 200, 135", "png8-trns, 200, 135", "png4, 120, 81", "gif-transparent, 290, 196"})
    void resamplingIndexesMatchesResamplingTheirPixels(String kind, int width, int height) {
        Indexed indexed = indexed(kind);
        Plan plan = new Plan(0, 0, WIDTH, HEIGHT, width, height);

        Pixels fromIndexes = Resampler.resample(indexed, plan);
        Pixels fromPixels = Resampler.resample(indexed.expand(), plan);

        assertThat(fromIndexes.channels()).isEqualTo(fromPixels.channels());
        assertThat(Similarity.psnr(Rasters.toImage(fromIndexes), Rasters.toImage(fromPixels))).isGreaterThan(55);
        assertThat(maxDifference(fromIndexes, fromPixels)).as("largest difference of a sample").isLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "quality {0}")
    @ValueSource(ints = {50, 90})
    void jpegFromIndexesMatchesJpegFromTheirPixels(int quality) {
        Indexed indexed = indexed("png8");
        Rendition rendition = Rendition.parse("same", WIDTH + ",jpeg,q" + quality);

        BufferedImage fromIndexes = Codecs.decode(new JpegEncoder().encode(indexed, rendition));
        BufferedImage fromPixels = Codecs.decode(new JpegEncoder().encode(indexed.expand(), rendition));

        assertThat(Similarity.psnr(fromIndexes, fromPixels)).isGreaterThan(60);
    }

    @ParameterizedTest(name = "{0} in a {1} box as {2}")
    @CsvSource({"png8, 1000, jpeg", "png8, 200, jpeg", "png8-trns, 1000, jpeg", "png8-trns, 200, jpeg",
            "png8-trns, 200, png", "png4, 1000, jpeg", "gif, 1000, jpeg", "gif-transparent, 150, jpeg",
            "gif-transparent, 1000, png"})
    void renditionsMatchTheSamePictureAsTruecolour(String kind, int box, String format) {
        Indexed indexed = indexed(kind);
        byte[] truecolour = Codecs.png(Rasters.toImage(indexed.expand()));
        Rendition rendition = Rendition.parse("r", box + "," + format + ",q90");
        ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

        RenditionResult fromPalette = resizer.render(file(kind), rendition);
        RenditionResult fromTruecolour = resizer.render(truecolour, rendition);

        assertThat(fromPalette.format()).isEqualTo(fromTruecolour.format());
        assertThat(fromPalette.width()).isEqualTo(fromTruecolour.width());
        BufferedImage a = Codecs.decode(fromPalette.bytes());
        BufferedImage b = Codecs.decode(fromTruecolour.bytes());
        assertThat(Similarity.psnr(a, b)).isGreaterThan(50);
        assertThat(a.getColorModel().hasAlpha()).isEqualTo(b.getColorModel().hasAlpha());
    }

    private static Indexed indexed(String kind) {
        byte[] file = file(kind);
        Decoder decoder = kind.startsWith("gif") ? new GifDecoder() : new PngDecoder();
        return decoder.decode(file, ImageProbe.probe(file), INDEXES)
                .indexed();
    }

    private static int maxDifference(Pixels a, Pixels b) {
        int most = 0;
        for (int i = 0; i < a.data().length; i++) {
            most = Math.max(most, Math.abs((a.data()[i] & 0xFF) - (b.data()[i] & 0xFF)));
        }
        return most;
    }

    /**
     * A picture of smooth waves on a palette: 8-bit with a 6x6x6 colour cube and 40 grays (with
     * tRNS, the grays fade from transparent to opaque and fill a disc), 1-, 2- or 4-bit with 2, 4 or
     * 16 colours, or a GIF of the cube (with a transparent index in the disc).
     */
    private static byte[] file(String kind) {
        int bits = kind.equals("png4") ? 4 : kind.equals("png2") ? 2 : kind.equals("png1") ? 1 : 8;
        boolean fourBit = bits < 8;
        boolean alpha = kind.endsWith("trns") || kind.endsWith("transparent");
        IndexColorModel model = fourBit ? ramp(bits) : cube(kind.equals("png8-trns"), kind.equals("gif-transparent"));
        BufferedImage image = fourBit ? new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY, model)
                : new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, model);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double r = Math.hypot(x - WIDTH / 2.0, y - HEIGHT / 2.0);
                int wave = (int) (127.5 + 127.5 * Math.sin(x / 9.0 + Math.cos(y / 13.0)));
                int index = fourBit ? wave >> 8 - bits
                        : alpha && r < 60 ? 216 + (int) (r * 39 / 60)
                        : wave / 43 * 36 + y * 6 / HEIGHT * 6 + x * 6 / WIDTH;
                raster.setSample(x, y, 0, index);
            }
        }
        return kind.startsWith("gif") ? Codecs.gif(image) : Codecs.png(image);
    }

    private static IndexColorModel cube(boolean translucentGrays, boolean transparentIndex) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        byte[] a = new byte[256];
        Arrays.fill(a, (byte) 0xFF);
        for (int i = 0; i < 216; i++) {
            r[i] = (byte) (i / 36 * 51);
            g[i] = (byte) (i / 6 % 6 * 51);
            b[i] = (byte) (i % 6 * 51);
        }
        for (int i = 216; i < 256; i++) {
            r[i] = g[i] = b[i] = (byte) ((i - 216) * 6);
            a[i] = translucentGrays ? (byte) ((i - 216) * 6) : (byte) 0xFF;
        }
        if (transparentIndex) {
            return new IndexColorModel(8, 256, r, g, b, 216);
        }
        return translucentGrays ? new IndexColorModel(8, 256, r, g, b, a) : new IndexColorModel(8, 256, r, g, b);
    }

    /** 2, 4 or 16 colours (not grays, which ImageIO would write as a gray PNG). */
    private static IndexColorModel ramp(int bits) {
        int n = 1 << bits;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = (byte) (i * 255 / (n - 1));
            g[i] = (byte) (255 - i * 255 / (n - 1));
            b[i] = (byte) (i * 64);
        }
        return new IndexColorModel(bits, n, r, g, b);
    }
}
