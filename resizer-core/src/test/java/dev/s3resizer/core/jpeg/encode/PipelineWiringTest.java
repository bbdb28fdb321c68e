package dev.s3resizer.core.jpeg.encode;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.pixels.BufferedImages;
import dev.s3resizer.core.pixels.Pixels;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pipeline encodes JPEG renditions with {@link JpegEncoder} (one DQT segment; ImageIO writes two). */
class PipelineWiringTest {

    @Test
    void resizerWritesJpegWithThisEncoder() throws IOException {
        Pixels source = SyntheticImages.rgb(900, 600, 12);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(BufferedImages.wrap(source), "png", png);
        Rendition rendition = Rendition.builder("medium").box(300, 300).format(OutputFormat.JPEG).quality(80).build();

        RenditionResult result = new ImageResizer(Limits.DEFAULT).render(png.toByteArray(), rendition);

        JpegSegments segments = JpegSegments.parse(result.bytes());
        assertThat(segments.markers()).containsExactly(0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xC4, 0xDA);
        assertThat(segments.frameSize()).containsExactly(300, 200);
        assertThat(DecodedJpeg.of(result.bytes()).image().getWidth()).isEqualTo(300);
    }
}
