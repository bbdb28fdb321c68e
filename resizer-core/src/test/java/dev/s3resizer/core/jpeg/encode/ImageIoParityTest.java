package dev.s3resizer.core.jpeg.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.encode.ImageIoJpegEncoder;
import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Quality numbers mean the same as in libjpeg: at equal quality our files carry the JDK writer's
 * (libjpeg's) quantisation tables and come out about as large and as faithful.
 */
class ImageIoParityTest {

    private final JpegEncoder ours = new JpegEncoder();
    private final ImageIoJpegEncoder imageIo = new ImageIoJpegEncoder();

    @ParameterizedTest
    @ValueSource(ints = {25, 50, 75, 80, 90, 95})
    void sameTablesSimilarSizeAndFidelity(int quality) {
        Pixels pixels = SyntheticImages.rgb(512, 384, quality);
        Rendition rendition = Rendition.builder("q").quality(quality).build();
        byte[] mine = ours.encode(pixels, rendition);
        byte[] theirs = imageIo.encode(pixels, rendition);

        var myTables = JpegSegments.parse(mine).quantisationTables();
        var theirTables = JpegSegments.parse(theirs).quantisationTables();
        assertThat(myTables).hasSize(2);
        assertThat(myTables.get(0)).containsExactly(theirTables.get(0));
        assertThat(myTables.get(1)).containsExactly(theirTables.get(1));

        assertThat((double) mine.length).isCloseTo(theirs.length, within(theirs.length * 0.05));
        double myPsnr = DecodedJpeg.of(mine).psnr(pixels);
        double theirPsnr = DecodedJpeg.of(theirs).psnr(pixels);
        assertThat(myPsnr).isCloseTo(theirPsnr, within(0.5));
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 80})
    void grayMatchesToo(int quality) {
        Pixels pixels = SyntheticImages.gray(300, 200, quality);
        Rendition rendition = Rendition.builder("q").quality(quality).build();
        byte[] mine = ours.encode(pixels, rendition);
        byte[] theirs = imageIo.encode(pixels, rendition);
        assertThat(JpegSegments.parse(mine).quantisationTables().getFirst())
                .containsExactly(JpegSegments.parse(theirs).quantisationTables().getFirst());
        assertThat((double) mine.length).isCloseTo(theirs.length, within(theirs.length * 0.05));
        assertThat(DecodedJpeg.of(mine).psnr(pixels)).isCloseTo(DecodedJpeg.of(theirs).psnr(pixels), within(0.5));
    }
}
