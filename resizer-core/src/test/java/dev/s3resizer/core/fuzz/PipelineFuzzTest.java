package dev.s3resizer.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.ResizeMode;
import dev.s3resizer.core.ResizerException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline ({@link ImageResizer#render}) on any bytes, every format included: probe,
 * limits, decode (ours and ImageIO's), orientation, colour, resampling, flattening and encoding.
 */
class PipelineFuzzTest {

    private static final ImageResizer RESIZER = new ImageResizer(FuzzOutcomes.LIMITS);
    private static final List<Rendition> RENDITIONS = List.of(
            Rendition.builder("small").box(12, 12).build(),
            Rendition.builder("card").box(9, 5).mode(ResizeMode.COVER).format(OutputFormat.AUTO).build());

    @FuzzTest(maxDuration = "5m")
    void render(byte[] data) {
        try {
            List<RenditionResult> results = RESIZER.render(data, RENDITIONS);
            assertThat(results).hasSize(2);
            for (RenditionResult r : results) {
                assertThat(r.format()).isIn(ImageFormat.JPEG, ImageFormat.PNG);
                assertThat(r.bytes()).isNotEmpty();
            }
        } catch (ResizerException e) {
            FuzzOutcomes.allowed(e);
        }
    }
}
