package dev.s3resizer.core.tiff;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.DecodeRequest;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import dev.s3resizer.core.resample.BoxReduce;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The box reduction {@link TiffDecoder} fuses with decoding when the pipeline asks for much less
 * than the stored size: the same pixels as decoding in full and reducing with {@link BoxReduce},
 * for strips and tiles (overhanging the edges), every compression, with and without differencing;
 * translucent files decode in full; the memory estimate follows.
 */
class TiffShrinkOnLoadTest {

    @ParameterizedTest(name = "{0} asked {1}x{2}")
    @CsvSource({"rgb-lzw-predictor-strips.tiff, 10, 8, 3, 3", "rgb-deflate-predictor-tiles.tiff, 10, 8, 3, 3",
            "gray-deflate-predictor-strips.tiff, 45, 5, 1, 5", "gray-none.tiff, 4, 37, 8, 1",
            "rgb-lzw-tiles-bigendian.tiff, 7, 7, 4, 3"})
    void libtiffFilesAsDecodedInFullThenBoxReduced(String name, int askWidth, int askHeight, int fx, int fy) {
        assertSameAsFullThenBox(Codecs.resource("tiff/" + name), askWidth, askHeight, fx, fy);
    }

    @ParameterizedTest(name = "{0}, gray {1}, tiled {2}")
    @CsvSource({"None, false, false", "LZW, false, false", "Deflate, false, false", "Deflate, true, false",
            "None, false, true", "LZW, false, true", "Deflate, true, true"})
    void imageIoWrittenFilesAsDecodedInFullThenBoxReduced(String compression, boolean gray, boolean tiled) {
        BufferedImage picture = new BufferedImage(301, 203, gray ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_3BYTE_BGR);
        picture.createGraphics().drawImage(Pictures.waves(301, 203), 0, 0, null);
        byte[] tiff = write(picture, compression, tiled);
        assertThat(Ifd.read(tiff).tiled()).as("written in tiles").isEqualTo(tiled);

        assertSameAsFullThenBox(tiff, 50, 40, 4, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rgba-deflate-predictor-tiles.tiff", "graya-lzw.tiff"})
    void translucentImagesDecodeInFull(String name) {
        byte[] tiff = Codecs.resource("tiff/" + name);
        ImageInfo info = ImageProbe.probe(tiff);

        Pixels pixels = new TiffDecoder().decode(tiff, info, new DecodeRequest(5, 5, false)).pixels();

        assertThat(pixels.width()).isEqualTo(45);
        assertThat(pixels.height()).isEqualTo(37);
    }

    @ParameterizedTest(name = "tiled {0}")
    @ValueSource(booleans = {false, true})
    void memoryEstimateCountsTheReducedRasterWhenItShrinks(boolean tiled) {
        BufferedImage picture = new BufferedImage(301, 203, BufferedImage.TYPE_3BYTE_BGR);
        picture.createGraphics().drawImage(Pictures.waves(301, 203), 0, 0, null);
        byte[] tiff = write(picture, "Deflate", tiled);
        ImageInfo info = ImageProbe.probe(tiff);
        long raster = 301L * 203 * 3;

        long shrunk = new TiffDecoder().memoryNeeded(tiff, info, new DecodeRequest(50, 40, false));
        long full = new TiffDecoder().memoryNeeded(tiff, info, new DecodeRequest(301, 203, false));

        assertThat(shrunk).isLessThan(raster).isGreaterThanOrEqualTo(76L * 68 * 3);
        assertThat(full).isGreaterThanOrEqualTo(raster);
    }

    private static void assertSameAsFullThenBox(byte[] tiff, int askWidth, int askHeight, int fx, int fy) {
        ImageInfo info = ImageProbe.probe(tiff);

        Pixels shrunk = new TiffDecoder().decode(tiff, info, new DecodeRequest(askWidth, askHeight, false)).pixels();
        Pixels expected = BoxReduce.reduce(new TiffDecoder().decode(tiff, info, 1, 1).pixels(), fx, fy);

        assertThat(shrunk.width()).isEqualTo(expected.width()).isGreaterThanOrEqualTo(askWidth);
        assertThat(shrunk.height()).isEqualTo(expected.height()).isGreaterThanOrEqualTo(askHeight);
        assertThat(shrunk.channels()).isEqualTo(expected.channels());
        assertThat(Arrays.mismatch(shrunk.data(), expected.data())).as("first byte that differs").isEqualTo(-1);
    }

    private static byte[] write(BufferedImage image, String compression, boolean tiled) {
        ImageWriter writer = writer(tiled);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression.equals("None")) {
                param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
            } else {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            if (tiled) {
                param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                param.setTiling(64, 48, 0, 0);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The first TIFF writer, or the first that writes tiles (the JDK's; TwelveMonkeys' does not). */
    private static ImageWriter writer(boolean tiled) {
        var writers = ImageIO.getImageWritersByFormatName("tiff");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (!tiled || writer.getDefaultWriteParam().canWriteTiles()) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("no TIFF writer that writes tiles");
    }
}
