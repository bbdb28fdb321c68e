package dev.s3resizer.core.jpeg;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.decode.Decoded;
import dev.s3resizer.core.pixels.Pixels;
import dev.s3resizer.core.probe.ImageProbe;
import org.junit.jupiter.api.Test;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;

import static dev.s3resizer.core.jpeg.PixelComparison.areaDownscale;
import static dev.s3resizer.core.jpeg.PixelComparison.imageIo;
import static dev.s3resizer.core.jpeg.PixelComparison.psnr;
import static org.assertj.core.api.Assertions.assertThat;

/** Adobe CMYK and YCCK come out as RGB like ImageIO's; embedded ICC profiles reach the pipeline. */
class JpegColourTest {

    private static final BufferedImage PICTURE = JpegFixtures.picture(203, 131, 5);

    @Test
    void adobeCmykMatchesImageIo() {
        byte[] jpeg = JpegFixtures.jpeg(cmyk(PICTURE), 1, 1, false, 0, 0.92f);

        assertMatchesImageIo(jpeg);
    }

    /** Made by ImageMagick ({@code convert ... -colorspace CMYK}): Adobe YCCK, no ICC profile. */
    @Test
    void adobeYcckMatchesImageIo() {
        assertMatchesImageIo(JpegFixtures.resource("ycck-adobe.jpg"));
    }

    @Test
    void nonSrgbProfileIsReturnedWholeFromSeveralChunks() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] jpeg = withIccChunks(JpegFixtures.jpeg(PICTURE, 2, 2, false, 0, 0.9f), profile, 3);

        Decoded decoded = decode(jpeg, 1, 1);

        assertThat(decoded.profile()).isNotNull();
        assertThat(decoded.profile().getData()).isEqualTo(profile);
    }

    @Test
    void srgbProfileMeansNoConversion() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] jpeg = withIccChunks(JpegFixtures.jpeg(PICTURE, 2, 2, false, 0, 0.9f), profile, 1);

        assertThat(decode(jpeg, 1, 1).profile()).isNull();
    }

    @Test
    void grayImageNeedsNoProfile() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();
        byte[] jpeg = withIccChunks(JpegFixtures.jpeg(JpegFixtures.gray(PICTURE), 1, 1, false, 0, 0.9f), profile, 1);

        Decoded decoded = decode(jpeg, 1, 1);

        assertThat(decoded.profile()).isNull();
        assertThat(decoded.pixels().channels()).isEqualTo(1);
    }

    private static void assertMatchesImageIo(byte[] jpeg) {
        ImageInfo info = ImageProbe.probe(jpeg);
        Pixels reference = imageIo(jpeg);
        Pixels full = decode(jpeg, info.width(), info.height()).pixels();

        assertThat(full.channels()).isEqualTo(3);
        assertThat(psnr(full, reference)).isGreaterThanOrEqualTo(45);
        for (int d : new int[] {2, 4, 8}) {
            Pixels scaled = decode(jpeg, (info.width() + d - 1) / d, (info.height() + d - 1) / d).pixels();
            assertThat(psnr(scaled, areaDownscale(reference, d))).as("1/" + d).isGreaterThanOrEqualTo(35);
        }
    }

    /** The picture as CMYK ink in TwelveMonkeys' generic CMYK space, which its writer stores inverted. */
    private static BufferedImage cmyk(BufferedImage rgb) {
        ColorSpace space = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(rgb.getWidth(), rgb.getHeight());
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int p = rgb.getRGB(x, y);
                int c = 255 - (p >> 16 & 255);
                int m = 255 - (p >> 8 & 255);
                int yellow = 255 - (p & 255);
                int k = Math.min(c, Math.min(m, yellow)) / 2;
                raster.setPixel(x, y, new int[] {c - k, m - k, yellow - k, k});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** Inserts {@code profile} after SOI as {@code chunks} APP2 ICC_PROFILE segments. */
    static byte[] withIccChunks(byte[] jpeg, byte[] profile, int chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int size = (profile.length + chunks - 1) / chunks;
        for (int i = 0; i < chunks; i++) {
            int from = i * size;
            int length = Math.min(size, profile.length - from);
            int segment = 2 + 12 + 2 + length;
            out.write(0xFF);
            out.write(0xE2);
            out.write(segment >> 8);
            out.write(segment);
            out.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(i + 1);
            out.write(chunks);
            out.write(profile, from, length);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static Decoded decode(byte[] jpeg, int minWidth, int minHeight) {
        return new ScaledJpegDecoder().decode(jpeg, ImageProbe.probe(jpeg), minWidth, minHeight);
    }
}
