package dev.s3resizer.core.jpeg.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.encode.ImageIoJpegEncoder;
import dev.s3resizer.core.pixels.Indexed;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.resample.Simd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The encoder's RGB conversion on vector lanes against the scalar loops. */
class RgbLanesTest {

    private static final Rendition QUALITY_90 = Rendition.builder("t").quality(90).build();

    private final JpegEncoder lanes = new JpegEncoder(new ImageIoJpegEncoder(), true, true);
    private final JpegEncoder scalar = new JpegEncoder(new ImageIoJpegEncoder(), true, false);

    /**
     * The lane count is what the run asked for: the build runs these tests a second time on
     * 128-bit vectors ({@code -XX:MaxVectorSize=16 -Dresizer.test.lanes=4}, as on arm64).
     */
    @Test
    void vectorPathHasTheLanesTheRunAskedFor() {
        assertThat(Simd.enabled()).as("the tests run with --add-modules=jdk.incubator.vector").isTrue();
        assertThat(RgbLanes.LANES).isEqualTo(Integer.getInteger("resizer.test.lanes", 8));
    }

    /**
     * Random pixels (every level of every channel) and a photo-like picture, at sizes below, at and
     * past a vector's and an MCU's worth, with partial MCUs at the right and bottom: the lanes'
     * samples are the scalar loops', so the files are the same to the byte.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 1", "2, 3", "7, 5", "8, 8", "9, 2", "17, 9", "16, 16", "33, 31", "600, 375", "1001, 37"})
    void lanesGiveTheScalarFile(int width, int height) {
        byte[] noise = new byte[width * height * 3];
        new Random(width * 31L + height).nextBytes(noise);
        for (Pixels pixels : new Pixels[] {new Pixels(width, height, 3, noise), SyntheticImages.rgb(width, height, 5)}) {
            assertThat(lanes.encode(pixels, QUALITY_90)).as("%dx%d", width, height)
                    .isEqualTo(scalar.encode(pixels, QUALITY_90));
        }
    }

    /** Palette images go through the same conversion, one strip of 16 expanded rows at a time. */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 1", "17, 9", "33, 31", "600, 375"})
    void palettesGiveTheScalarFile(int width, int height) {
        Random random = new Random(width * 17L + height);
        byte[] indexes = new byte[width * height];
        byte[] palette = new byte[Indexed.ENTRIES * 4];
        random.nextBytes(indexes);
        random.nextBytes(palette);
        Indexed image = new Indexed(width, height, indexes, palette, 3);
        assertThat(lanes.encode(image, QUALITY_90)).as("%dx%d", width, height)
                .isEqualTo(scalar.encode(image, QUALITY_90));
    }
}
