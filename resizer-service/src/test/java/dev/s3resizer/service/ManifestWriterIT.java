package dev.s3resizer.service;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.manifest.Manifest;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest of a processed source, against a real S3-compatible server: written after its
 * renditions, valid against docs/manifest.schema.json, true to the stored objects, removed with
 * the source; and a rendition in two formats side by side.
 */
class ManifestWriterIT {

    private static final Map<String, String> ENV = Map.of(
            "RESIZER_RENDITIONS", "thumb=320,webp;medium=1000,jpeg+webp",
            "RESIZER_KEY_TEMPLATE", "{rendition}/{dir}{stem}.{ext}");

    @TempDir
    static Path data;
    static S3Fixture s3;
    static Schema schema;
    final ProcessService service = new ProcessService(ConfigLoader.load(null, ENV), new S3ObjectStore(s3.s3));

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3Fixture(data);
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("..", "docs", "manifest.schema.json")));
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void manifestValidatesAndDescribesEveryStoredRendition() {
        String key = "trips/my cat+dog (1).jpg";
        String eTag = s3.put("incoming", key, rotated(TestImages.jpeg(1600, 1200))).replace("\"", "");

        service.process(ObjectRef.of("incoming", key));

        byte[] json = s3.get("resized", "manifests/" + key + ".json");
        List<Error> errors = schema.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
        assertThat(errors).as(new String(json, StandardCharsets.UTF_8)).isEmpty();
        Manifest m = Manifest.fromJson(json);
        assertThat(m.source()).isEqualTo(new Manifest.Source("incoming", key, eTag,
                s3.head("incoming", key).contentLength(), "jpeg", "image/jpeg", 1200, 1600));
        assertThat(m.renditions()).extracting(Manifest.Entry::key).containsExactly(
                "thumb/trips/my cat+dog (1).webp", "medium/trips/my cat+dog (1).jpg",
                "medium/trips/my cat+dog (1).webp");
        for (Manifest.Entry e : m.renditions()) {
            HeadObjectResponse head = s3.head(e.bucket(), e.key());
            assertThat(head.contentType()).as(e.key()).isEqualTo(e.mediaType());
            assertThat(head.contentLength()).as(e.key()).isEqualTo(e.bytes());
            assertThat(TestImages.size(s3.get(e.bucket(), e.key()))).as(e.key()).containsExactly(e.width(), e.height());
            assertThat(head.lastModified()).isBeforeOrEqualTo(s3.head("resized", "manifests/" + key + ".json")
                    .lastModified());
        }
        assertThat(m.renditions().get(1).height()).isEqualTo(1000);
        assertThat(s3.head("resized", "manifests/" + key + ".json").contentType()).isEqualTo("application/json");
    }

    @Test
    void placeholderIsATinyInlineImageAndDominantColourIsThePictures() throws Exception {
        s3.put("incoming", "red.jpg", TestImages.jpeg(1200, 800));
        service.process(ObjectRef.of("incoming", "red.jpg"));

        Manifest m = Manifest.fromJson(s3.get("resized", "manifests/red.jpg.json"));

        assertThat(m.placeholder().dataUri()).startsWith("data:image/webp;base64,").hasSizeLessThan(600);
        byte[] tiny = Base64.getDecoder().decode(m.placeholder().dataUri().substring(m.placeholder().dataUri()
                .indexOf(',') + 1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(tiny));
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(16, 11)
                .containsExactly(m.placeholder().width(), m.placeholder().height());
        // TestImages.jpeg is a blue-to-yellow gradient with a red ellipse over half of each side: red is the most.
        int rgb = Integer.parseInt(m.dominantColor().substring(1), 16);
        assertThat(rgb >> 16).isGreaterThan(170);
        assertThat((rgb >> 8) & 0xFF).isLessThan(80);
        assertThat(rgb & 0xFF).isLessThan(80);
    }

    @Test
    void removedWithTheSourceAndRewrittenWhenMissing() {
        s3.put("incoming", "gone.jpg", TestImages.jpeg(800, 600));
        service.process(ObjectRef.of("incoming", "gone.jpg"));
        s3.s3.deleteObject(b -> b.bucket("resized").key("manifests/gone.jpg.json"));

        assertThat(service.upToDate(new ObjectRef("incoming", "gone.jpg", null, s3.head("incoming", "gone.jpg").eTag(),
                null))).isFalse();
        service.process(ObjectRef.of("incoming", "gone.jpg"));
        assertThat(s3.head("resized", "manifests/gone.jpg.json")).isNotNull();
        assertThat(service.process(ObjectRef.of("incoming", "gone.jpg")).status()).isEqualTo(Outcome.Status.UP_TO_DATE);

        s3.s3.deleteObject(b -> b.bucket("incoming").key("gone.jpg"));
        service.remove(ObjectRef.of("incoming", "gone.jpg"));

        assertThat(s3.keys("resized")).noneMatch(k -> k.contains("gone."));
    }

    @Test
    void animatedRenditionOfAnAnimatedGifIsAGifListedInTheManifest() throws Exception {
        ProcessService animated = new ProcessService(ConfigLoader.load(null, Map.of(
                "RESIZER_RENDITIONS", "still=100,jpeg;moving=100,animated",
                "RESIZER_KEY_TEMPLATE", "{rendition}/{dir}{stem}.{ext}")), new S3ObjectStore(s3.s3));
        s3.put("incoming", "anim/blink.gif", twoFrameGif());

        animated.process(ObjectRef.of("incoming", "anim/blink.gif"));

        assertThat(s3.head("resized", "moving/anim/blink.gif").contentType()).isEqualTo("image/gif");
        assertThat(s3.head("resized", "still/anim/blink.jpg").contentType()).isEqualTo("image/jpeg");
        byte[] json = s3.get("resized", "manifests/anim/blink.gif.json");
        assertThat(schema.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON)).isEmpty();
        assertThat(Manifest.fromJson(json).renditions()).extracting(Manifest.Entry::format).containsExactly("jpeg", "gif");
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(s3.get("resized", "moving/anim/blink.gif"))));
        assertThat(reader.getNumImages(true)).isEqualTo(2);
    }

    @Test
    void manifestsAreNeverSources() {
        assertThat(service.notOurs(ObjectRef.of("resized", "manifests/a.jpg.json"))).isPresent();
    }

    private static byte[] twoFrameGif() throws Exception {
        var writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int rgb : new int[] {0xC83C28, 0x2878C8}) {
                BufferedImage frame = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
                var g = frame.createGraphics();
                g.setColor(new java.awt.Color(rgb));
                g.fillRect(0, 0, 200, 150);
                g.dispose();
                writer.writeToSequence(new javax.imageio.IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    /** The JPEG with an EXIF block saying orientation 6 (displayed turned a quarter clockwise). */
    private static byte[] rotated(byte[] jpeg) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
