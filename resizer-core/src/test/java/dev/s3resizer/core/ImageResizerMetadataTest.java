package dev.s3resizer.core;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.ExifBlock;
import dev.s3resizer.core.fixture.IccProfiles;
import dev.s3resizer.core.fixture.JpegSegments;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.PngChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No EXIF, GPS, XMP, ICC or comments reach an output, read back with metadata-extractor and by
 * walking the output's own segments and chunks. Inputs carry all of them.
 */
class ImageResizerMetadataTest {

    private static final List<Class<? extends Directory>> PRIVATE = List.of(GpsDirectory.class,
            ExifIFD0Directory.class, ExifSubIFDDirectory.class, IccDirectory.class, XmpDirectory.class,
            JpegCommentDirectory.class);
    private static final String XMP = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
            + "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
            + "xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:CreatorTool='TestCam'/></rdf:RDF></x:xmpmeta>";

    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    @Test
    void fixtureCarriesEveryKindOfMetadataSoTheTestCanFail() throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(cameraJpeg()));

        for (Class<? extends Directory> type : PRIVATE) {
            assertThat(metadata.containsDirectoryOfType(type)).as(type.getSimpleName()).isTrue();
        }
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude())
                .isCloseTo(48.8584, org.assertj.core.data.Offset.offset(0.001));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000,jpeg", "200,jpeg,progressive", "1000,png", "120x120,cover,png"})
    void cameraJpegOutputsCarryNoMetadata(String spec) throws Exception {
        RenditionResult result = resizer.render(cameraJpeg(), Rendition.parse("r", spec));

        assertNoMetadata(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000,jpeg", "1000,png"})
    void taggedPngOutputsCarryNoMetadata(String spec) throws Exception {
        byte[] png = PngChunks.insertAfterHeader(Codecs.png(Pictures.asymmetric(80, 60)),
                PngChunks.exif(camera().toTiff()), PngChunks.iccp("sRGB", IccProfiles.profile(IccProfiles.RgbSpace.SRGB)),
                PngChunks.text("Comment", "secret"));

        assertNoMetadata(resizer.render(png, Rendition.parse("r", spec)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000,jpeg", "1000,png"})
    void grayOutputsCarryNoProfile(String spec) throws Exception {
        assertNoMetadata(resizer.render(Codecs.png(Pictures.grayRamp(64, 16)), Rendition.parse("r", spec)));
    }

    @Test
    void transparentPngOutputCarriesNoMetadata() throws Exception {
        byte[] png = PngChunks.insertAfterHeader(Codecs.png(Pictures.filled(30, 30, 0x80C83C28)),
                PngChunks.exif(camera().toTiff()), PngChunks.text("Author", "someone"));

        RenditionResult result = resizer.render(png, Rendition.parse("r", "1000,auto"));

        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        assertNoMetadata(result);
    }

    private static void assertNoMetadata(RenditionResult result) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(result.bytes()));
        for (Class<? extends Directory> type : PRIVATE) {
            assertThat(metadata.containsDirectoryOfType(type)).as(type.getSimpleName()).isFalse();
        }
        if (result.format() == ImageFormat.JPEG) {
            assertThat(jpegMarkers(result.bytes())).isSubsetOf(0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD, 0xDA);
        } else {
            assertThat(pngChunks(result.bytes())).isSubsetOf("IHDR", "PLTE", "tRNS", "IDAT", "IEND");
        }
    }

    /** Markers of the segments before the first scan. */
    private static Set<Integer> jpegMarkers(byte[] jpeg) {
        Set<Integer> markers = new LinkedHashSet<>();
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
        return markers;
    }

    private static Set<String> pngChunks(byte[] png) {
        Set<String> types = new LinkedHashSet<>();
        int at = 8;
        while (at + 8 <= png.length) {
            types.add(new String(png, at + 4, 4, StandardCharsets.US_ASCII));
            at += 12 + ByteBuffer.wrap(png, at, 4).getInt();
        }
        return types;
    }

    private static ExifBlock camera() {
        return ExifBlock.bigEndian().orientation(1).make("TestCam").dateTimeOriginal("2024:05:01 12:00:00")
                .gps(48.8584, 2.2945);
    }

    private static byte[] cameraJpeg() {
        byte[] jpeg = Codecs.jpeg(Pictures.asymmetric(160, 100), 90);
        return JpegSegments.insert(jpeg, JpegSegments.exif(camera().toTiff()),
                JpegSegments.icc(IccProfiles.profile(IccProfiles.RgbSpace.SRGB)), JpegSegments.xmp(XMP),
                JpegSegments.comment("shot at home"));
    }
}
