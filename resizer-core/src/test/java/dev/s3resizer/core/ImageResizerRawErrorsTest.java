package dev.s3resizer.core;

import dev.s3resizer.core.color.SrgbConverter;
import dev.s3resizer.core.decode.Decoder;
import dev.s3resizer.core.encode.ImageIoPngEncoder;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.LogRecords;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.Similarity;
import dev.s3resizer.core.jpeg.encode.JpegEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Whatever a decoder or library throws leaves the pipeline as one of the core's exceptions, with a
 * reason, a message naming the image and the original as its cause; never raw.
 */
class ImageResizerRawErrorsTest {

    private static final Rendition SMALL = Rendition.parse("small", "40,png");

    @RegisterExtension
    final LogRecords colourLog = LogRecords.of(SrgbConverter.class);

    /**
     * Bug: a JPEG whose ICC profile has damaged tone curves threw {@code CMMException: LCMS error
     * 13} from the colour conversion, which stopped a {@code resize} batch and was recorded in S3
     * mode as a retryable "error". The profile is now ignored with a warning, its pixels taken as
     * sRGB: they are intact, only their colour description is not.
     */
    @Test
    void regressionJpegWithCorruptIccCurvesThrewCmmException() {
        byte[] profile = withCorruptCurves(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                picture.setRGB(x, y, 0xC86432);
            }
        }
        byte[] jpeg = JpegSegments.insert(Codecs.jpeg(picture, 98), JpegSegments.icc(profile));
        ICC_ColorSpace damaged = new ICC_ColorSpace(ICC_Profile.getInstance(profile));
        assertThatThrownBy(() -> damaged.toRGB(new float[] {0.5f, 0.5f, 0.5f}))
                .as("the colour engine refuses the damaged profile").isInstanceOf(CMMException.class);

        RenditionResult out = new ImageResizer(Limits.DEFAULT).render(jpeg, SMALL);

        int[] rgb = Similarity.rgb(Codecs.decode(out.bytes()), 20, 15);
        assertThat(Similarity.distance(rgb, new int[] {200, 100, 50})).as("taken as sRGB, not converted")
                .isLessThanOrEqualTo(3);
        assertThat(colourLog.records()).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains("taken as sRGB"));
    }

    @Test
    void runtimeErrorOfADecoderIsAnInternalErrorNamingTheImageWithItsCause() {
        IllegalStateException bug = new IllegalStateException("index went wrong");

        InternalErrorException e = failure(InternalErrorException.class, () -> {
            throw bug;
        });

        assertThat(e.reason()).isEqualTo("internal");
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("PNG 30x20").hasMessageContaining("IllegalStateException")
                .hasMessageContaining("index went wrong").hasCause(bug);
    }

    @Test
    void outOfMemoryOfOneAllocationIsTooLargeNotRetryable() {
        ImageTooLargeException e = failure(ImageTooLargeException.class, () -> {
            throw new OutOfMemoryError("Java heap space");
        });

        assertThat(e.reason()).isEqualTo("too-large");
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("PNG 30x20").hasMessageContaining("memory")
                .hasCauseInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void colourEngineErrorIsACorruptProfile() {
        CorruptImageException e = failure(CorruptImageException.class, () -> {
            throw new CMMException("LCMS error 13");
        });

        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("colour profile").hasMessageContaining("LCMS error 13");
    }

    @Test
    void stackOverflowIsACorruptFile() {
        CorruptImageException e = failure(CorruptImageException.class, () -> {
            throw new StackOverflowError();
        });

        assertThat(e).hasMessageContaining("nests too deeply");
    }

    /** What rendering a real PNG through a decoder that throws {@code thrown} fails with. */
    private static <T extends ResizerException> T failure(Class<T> type, Supplier<?> thrown) {
        Decoder throwing = (data, info, w, h) -> {
            thrown.get();
            throw new AssertionError("unreachable");
        };
        ImageResizer resizer = new ImageResizer(Limits.DEFAULT, throwing, new JpegEncoder(), new ImageIoPngEncoder());
        byte[] png = Codecs.png(Pictures.asymmetric(30, 20));
        T e = catchThrowableOfType(type, () -> resizer.render(png, SMALL));
        assertThat(e).as("rendering fails with a %s", type.getSimpleName()).isNotNull();
        return e;
    }

    /** {@code profile} with the type of each tone curve tag (rTRC, gTRC, bTRC) overwritten. */
    private static byte[] withCorruptCurves(byte[] profile) {
        byte[] damaged = profile.clone();
        ByteBuffer b = ByteBuffer.wrap(damaged);
        int corrupted = 0;
        for (int i = 0; i < b.getInt(128); i++) {
            int entry = 132 + 12 * i;
            String signature = new String(damaged, entry, 4, StandardCharsets.ISO_8859_1);
            if (signature.endsWith("TRC")) {
                int data = b.getInt(entry + 4);
                System.arraycopy("junk".getBytes(StandardCharsets.ISO_8859_1), 0, damaged, data, 4);
                corrupted++;
            }
        }
        assertThat(corrupted).as("tone curve tags").isEqualTo(3);
        return damaged;
    }
}
