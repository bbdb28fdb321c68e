package dev.s3resizer.core;

import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each bound refuses what is over it and accepts what is exactly at it; bad bounds are rejected by name. */
class LimitsTest {

    private static final Rendition SMALL = Rendition.parse("s", "50,jpeg");

    @Test
    void inputBytesOverTheLimitAreRefused() {
        byte[] png = Codecs.png(Pictures.asymmetric(100, 80));

        assertThatThrownBy(() -> resizer(new Limits(png.length - 1, 100_000_000L, 10)).render(png, SMALL))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining(png.length + " bytes")
                .hasMessageContaining((png.length - 1) + " bytes");
        assertThatCode(() -> resizer(new Limits(png.length, 100_000_000L, 10)).render(png, SMALL))
                .doesNotThrowAnyException();
    }

    @Test
    void pixelsOverTheLimitAreRefused() {
        byte[] png = Codecs.png(Pictures.asymmetric(100, 80));

        assertThatThrownBy(() -> resizer(new Limits(1 << 20, 7_999, 10)).inspect(png))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("100x80");
        assertThat(resizer(new Limits(1 << 20, 8_000, 10)).inspect(png).width()).isEqualTo(100);
    }

    @Test
    void gifFramesOverTheLimitAreRefused() {
        byte[] gif = Codecs.animatedGif(Collections.nCopies(5, Pictures.patches(8, 8, 0xFF0000, 0xFF00, 0xFF, 0)));

        assertThatThrownBy(() -> resizer(new Limits(1 << 20, 1_000_000, 4)).render(gif, SMALL))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("5 frames")
                .hasMessageContaining("limit of 4");
        assertThat(resizer(new Limits(1 << 20, 1_000_000, 5)).render(gif, SMALL).width()).isEqualTo(8);
    }

    @Test
    void tiffPagesCountAsFrames() throws Exception {
        byte[] tiff = multiPageTiff(List.of(Pictures.asymmetric(20, 10), Pictures.asymmetric(20, 10),
                Pictures.asymmetric(20, 10)));
        assertThat(resizer(Limits.DEFAULT).inspect(tiff).frames()).isEqualTo(3);

        assertThatThrownBy(() -> resizer(new Limits(1 << 20, 1_000_000, 2)).inspect(tiff))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("3 frames");
    }

    @Test
    void boundsMustBePositiveAndAreNamed() {
        assertThatThrownBy(() -> new Limits(0, 1, 1)).hasMessageContaining("maxInputBytes");
        assertThatThrownBy(() -> new Limits(1, 0, 1)).hasMessageContaining("maxPixels");
        assertThatThrownBy(() -> new Limits(1, 1, -3)).hasMessageContaining("maxFrames").hasMessageContaining("-3");
    }

    @Test
    void defaultsAreDocumentedValues() {
        assertThat(Limits.DEFAULT.maxPixels()).isEqualTo(100_000_000L);
        assertThat(Limits.DEFAULT.maxFrames()).isEqualTo(1000);
        assertThat(Limits.DEFAULT.maxInputBytes()).isEqualTo(256L << 20);
    }

    private static ImageResizer resizer(Limits limits) {
        return new ImageResizer(limits);
    }

    private static byte[] multiPageTiff(List<BufferedImage> pages) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
