package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.IccProfiles.RgbSpace;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import dev.s3resizer.core.fixture.Similarity;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline as a whole: several renditions from one source, in order, each with its own facts. */
class ImageResizerTest {

    private static final BufferedImage PHOTO = Pictures.waves(800, 600);
    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    @Test
    void rendersEveryRenditionInOrderFromOneSource() {
        List<Rendition> renditions = List.of(Rendition.parse("large", "1000"), Rendition.parse("thumb", "100x100,cover,png"),
                Rendition.parse("strip", "200,width,jpeg,q60,progressive"));

        List<RenditionResult> results = resizer.render(Codecs.jpeg(PHOTO, 92), renditions);

        assertThat(results).extracting(r -> r.rendition().name()).containsExactly("large", "thumb", "strip");
        assertThat(results).extracting(RenditionResult::width).containsExactly(800, 100, 200);
        assertThat(results).extracting(RenditionResult::height).containsExactly(600, 100, 150);
        assertThat(results).extracting(RenditionResult::format).containsExactly(ImageFormat.JPEG, ImageFormat.PNG,
                ImageFormat.JPEG);
        for (RenditionResult r : results) {
            BufferedImage out = Codecs.decode(r.bytes());
            assertThat(out.getWidth()).isEqualTo(r.width());
            assertThat(out.getHeight()).isEqualTo(r.height());
            assertThat(r.size()).isEqualTo(r.bytes().length);
        }
        BufferedImage strip = Codecs.decode(results.get(2).bytes());
        assertThat(Similarity.psnr(strip, Similarity.areaDownscale(PHOTO, 200, 150))).isGreaterThan(22);
    }

    @Test
    void theDefaultRenditionReproducesTheSeed() {
        RenditionResult r = resizer.render(Codecs.jpeg(Pictures.waves(2000, 1500), 90),
                Rendition.builder("default").format(OutputFormat.JPEG).build());

        assertThat(r.width()).isEqualTo(1000);
        assertThat(r.height()).isEqualTo(750);
        assertThat(r.mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void wideGamutPngWithAlphaKeepsAlphaAndConvertsColour() {
        BufferedImage image = Pictures.filled(32, 32, 0x80C86432);
        byte[] png = PngChunks.insertAfterHeader(Codecs.png(image),
                PngChunks.iccp("P3", IccProfiles.profile(RgbSpace.DISPLAY_P3)));

        RenditionResult result = resizer.render(png, Rendition.parse("p", "1000,auto"));

        BufferedImage out = Codecs.decode(result.bytes());
        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        assertThat(Similarity.alpha(out, 16, 16)).isEqualTo(128);
        assertThat(Similarity.distance(Similarity.rgb(out, 16, 16), RgbSpace.DISPLAY_P3.toSrgb(new int[] {200, 100, 50})))
                .isLessThanOrEqualTo(3);
    }

    @Test
    void oneInstanceServesConcurrentRequests() throws Exception {
        List<byte[]> inputs = List.of(Codecs.jpeg(PHOTO, 90), Codecs.png(Pictures.asymmetric(300, 200)),
                Codecs.resource("cmyk-swop-profile.jpg"), Codecs.gif(Pictures.asymmetric(120, 90)));
        Rendition thumb = Rendition.parse("t", "64x64,cover,png");
        List<BufferedImage> expected = inputs.stream().map(b -> Codecs.decode(resizer.render(b, thumb).bytes())).toList();

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<BufferedImage>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                byte[] input = inputs.get(i % inputs.size());
                futures.add(pool.submit(() -> Codecs.decode(resizer.render(input, thumb).bytes())));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(Similarity.meanAbsDiff(futures.get(i).get(), expected.get(i % inputs.size()))).isZero();
            }
        }
    }

    @Test
    void smallerRenditionsCascadeFromLargerOnesWithoutLosingQuality() {
        byte[] photo = Codecs.png(Pictures.waves(2400, 1800));
        List<Rendition> three = List.of(Rendition.parse("small", "200,png"), Rendition.parse("big", "1200,png"),
                Rendition.parse("mid", "500,png"));

        List<RenditionResult> together = resizer.render(photo, three);

        assertThat(together).extracting(RenditionResult::width).containsExactly(200, 1200, 500);
        for (RenditionResult cascaded : together) {
            BufferedImage alone = Codecs.decode(resizer.render(photo, cascaded.rendition()).bytes());
            BufferedImage reference = Similarity.areaDownscale(Pictures.waves(2400, 1800), cascaded.width(), cascaded.height());
            assertThat(Similarity.psnr(Codecs.decode(cascaded.bytes()), alone)).as(cascaded.rendition().name())
                    .isGreaterThan(38);
            assertThat(Similarity.psnr(Codecs.decode(cascaded.bytes()), reference)).as(cascaded.rendition().name())
                    .isGreaterThan(Similarity.psnr(alone, reference) - 1.0);
        }
    }

    @Test
    void noRenditionsIsAProgrammingError() {
        assertThatThrownBy(() -> resizer.render(Codecs.png(PHOTO), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("renditions");
    }

    @Test
    void inspectReportsDisplaySize() {
        ImageInfo info = resizer.inspect(Codecs.png(PHOTO));

        assertThat(info.displayWidth()).isEqualTo(800);
        assertThat(info.displayHeight()).isEqualTo(600);
        assertThat(info.format().mediaType()).isEqualTo("image/png");
    }
}
