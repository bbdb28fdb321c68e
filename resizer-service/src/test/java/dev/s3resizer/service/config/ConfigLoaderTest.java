package dev.s3resizer.service.config;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ResizeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("resizer.yaml"), text);
    }

    @Test
    void defaultsAreTheLocalSetup() {
        ResizerConfig c = ConfigLoader.load(null, Map.of());

        assertThat(c.source().bucket()).isEqualTo("incoming");
        assertThat(c.destination().bucket()).isEqualTo("resized");
        assertThat(c.renditions()).extracting(r -> r.name() + ":" + r.width())
                .containsExactly("thumb:320", "medium:1000", "large:2048");
    }

    @Test
    void readsYamlThenEnvironmentOverrides() throws IOException {
        Path file = yaml("""
                source: {bucket: photos, prefix: uploads/}
                destination:
                  bucket: photos
                  keyTemplate: "web/{rendition}/{key}"
                  cacheControl: "max-age=60"
                renditions:
                  card: 600x400,cover,q85
                  hero: {width: 1600, format: png, progressive: true}
                limits: {maxPixels: 5000000}
                """);

        ResizerConfig c = ConfigLoader.load(file, Map.of("RESIZER_CACHE_CONTROL", "no-cache", "RESIZER_MAX_FRAMES", "3"));

        assertThat(c.source().prefix()).isEqualTo("uploads/");
        assertThat(c.destination().cacheControl()).isEqualTo("no-cache");
        assertThat(c.limits().maxPixels()).isEqualTo(5_000_000);
        assertThat(c.limits().maxFrames()).isEqualTo(3);
        assertThat(c.renditions().get(0).mode()).isEqualTo(ResizeMode.COVER);
        assertThat(c.renditions().get(0).quality()).isEqualTo(85);
        assertThat(c.renditions().get(1).width()).isEqualTo(1600);
        assertThat(c.renditions().get(1).progressive()).isTrue();
        assertThat(new KeyTemplate(c.destination().keyTemplate()).render("card", "uploads/a b.png", ImageFormat.JPEG))
                .isEqualTo("web/card/uploads/a b.jpg");
    }

    @Test
    void environmentRenditionList() {
        ResizerConfig c = ConfigLoader.load(null, Map.of("RESIZER_RENDITIONS", "small=200; big=1200x800,cover"));

        assertThat(c.renditions()).extracting(r -> r.name() + ":" + r.spec())
                .containsExactly("small:200x200,fit,auto,q80,bg=ffffff", "big:1200x800,cover,auto,q80,bg=ffffff");
    }

    @Test
    void stemAloneWouldMakeSameNamedSourcesInDifferentFoldersCollide() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_KEY_TEMPLATE", "{rendition}/{stem}.{ext}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("{dir} and {stem}");
        assertThat(ConfigLoader.load(null, Map.of("RESIZER_KEY_TEMPLATE", "{rendition}/{dir}{stem}-web.{ext}"))
                .destination().keyTemplate()).isEqualTo("{rendition}/{dir}{stem}-web.{ext}");
    }

    @Test
    void reducingGapFromYamlAndEnvironment() throws IOException {
        assertThat(ConfigLoader.load(null, Map.of()).reducingGap()).isEqualTo(ImageResizer.DEFAULT_REDUCING_GAP);
        assertThat(ConfigLoader.load(yaml("resampling: {reducingGap: 1.5}"), Map.of()).reducingGap()).isEqualTo(1.5);
        assertThat(ConfigLoader.load(null, Map.of("RESIZER_REDUCING_GAP", "1")).reducingGap()).isEqualTo(1.0);
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_REDUCING_GAP", "0.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reducingGap");
    }

    @Test
    void refusesSameBucketWithoutPrefixTheSeedsInfiniteLoop() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_DESTINATION_BUCKET", "incoming")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("every key is watched");
    }

    @Test
    void refusesRenditionKeysInsideTheWatchedPrefix() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(
                "RESIZER_DESTINATION_BUCKET", "incoming",
                "RESIZER_SOURCE_PREFIX", "uploads/",
                "RESIZER_KEY_TEMPLATE", "uploads/{rendition}/{key}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("overlaps the watched prefix 'uploads/'");
    }

    @Test
    void acceptsSameBucketWithSeparatePrefixes() {
        ResizerConfig c = ConfigLoader.load(null, Map.of(
                "RESIZER_DESTINATION_BUCKET", "incoming",
                "RESIZER_SOURCE_PREFIX", "uploads/",
                "RESIZER_KEY_TEMPLATE", "resized/{rendition}/{key}"));

        assertThat(c.destination().bucket()).isEqualTo(c.source().bucket());
    }

    @Test
    void reportsEveryProblemTogether() throws IOException {
        Path file = yaml("""
                source: {bucket: "Bad_Bucket"}
                destination: {bucket: resized, keyTemplate: "{rendition}/{nope}"}
                renditions:
                  thumb: 0
                  medium: 1000,sideways
                limits: {maxPixels: -1}
                colour: blue
                """);

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("RESIZER_MAX_FRAMES", "many")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("colour: unknown setting"))
                        .anySatisfy(p -> assertThat(p).contains("renditions.thumb").contains("width"))
                        .anySatisfy(p -> assertThat(p).contains("renditions.medium").contains("sideways"))
                        .anySatisfy(p -> assertThat(p).contains("RESIZER_MAX_FRAMES"))
                        .anySatisfy(p -> assertThat(p).contains("maxPixels"))
                        .anySatisfy(p -> assertThat(p).contains("source.bucket"))
                        .anySatisfy(p -> assertThat(p).contains("{nope}")));
    }

    @Test
    void aBadModeIsNamedByItsFieldWithoutASpuriousMissingRenditionsLine() throws IOException {
        Path file = yaml("""
                renditions:
                  thumb: {width: 320, mode: bogus}
                """);

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "renditions.thumb.mode: unknown value 'bogus' (expected fit|cover|width)"));
    }

    /** Bug: a watched prefix inside the failure prefix started, then skipped every upload as a failure record. */
    @Test
    void regressionWatchedPrefixInsideTheFailurePrefixWasAccepted() throws IOException {
        Path file = yaml("""
                source: {bucket: photos, prefix: failed/photos/}
                destination: {bucket: photos, keyTemplate: "web/{rendition}/{key}", failedPrefix: failed/}
                """);

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the watched prefix 'failed/photos/' is inside destination.failedPrefix 'failed/'")
                .hasMessageContaining("every upload would be skipped");
    }

    @Test
    void refusesFailurePrefixInsideTheWatchedPrefix() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(
                "RESIZER_DESTINATION_BUCKET", "incoming",
                "RESIZER_SOURCE_PREFIX", "uploads/",
                "RESIZER_KEY_TEMPLATE", "web/{rendition}/{key}",
                "RESIZER_FAILED_PREFIX", "uploads/failed/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'uploads/failed/' is inside the watched prefix 'uploads/'");
    }

    @Test
    void refusesRenditionKeysAndFailureRecordsInsideEachOther() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(
                "RESIZER_KEY_TEMPLATE", "failed/{rendition}/{key}", "RESIZER_FAILED_PREFIX", "failed/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("destination.failedPrefix: 'failed/' overlaps the keys of rendition 'thumb'");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(
                "RESIZER_KEY_TEMPLATE", "out/{rendition}/{key}", "RESIZER_FAILED_PREFIX", "out/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("start with 'out/thumb/'");
        assertThat(ConfigLoader.load(null, Map.of("RESIZER_FAILED_PREFIX", "")).destination().failedPrefix()).isEmpty();
    }

    @Test
    void refusesKeyTemplatesWithDotSegments() {
        for (String template : new String[] {"{rendition}/../{key}", "./{rendition}/{key}", "{rendition}/./{key}",
            "{rendition}/{dir}../{name}"}) {
            assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_KEY_TEMPLATE", template)))
                    .as(template).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("destination.keyTemplate: '" + template + "' gives rendition 'thumb' keys with a");
        }
        assertThat(ConfigLoader.load(null, Map.of("RESIZER_KEY_TEMPLATE", "v1.0/{rendition}/{dir}{stem}..{ext}"))
                .destination().keyTemplate()).isEqualTo("v1.0/{rendition}/{dir}{stem}..{ext}");
    }

    @Test
    void timeBudgetFromYamlAndEnvironment() throws IOException {
        assertThat(ConfigLoader.load(null, Map.of()).limits().maxMillisPerMegapixel())
                .isEqualTo(dev.s3resizer.core.Limits.DEFAULT_MILLIS_PER_MEGAPIXEL);
        assertThat(ConfigLoader.load(yaml("limits: {maxMillisPerMegapixel: 500}"), Map.of()).limits()
                .maxMillisPerMegapixel()).isEqualTo(500);
        assertThat(ConfigLoader.load(null, Map.of("RESIZER_MAX_MILLIS_PER_MEGAPIXEL", "250")).limits()
                .maxMillisPerMegapixel()).isEqualTo(250);
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_MAX_MILLIS_PER_MEGAPIXEL", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("limits.maxMillisPerMegapixel");
    }
}
