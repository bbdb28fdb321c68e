package dev.s3resizer.service.config;

import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WebP renditions, one size in several formats, {@code autoFormat} and the manifest prefix. */
class WebOutputsConfigTest {

    @TempDir
    Path dir;

    @Test
    void formatsListGivesOneRenditionPerFormatWithTheSameName() throws IOException {
        ResizerConfig c = ConfigLoader.load(yaml("""
                destination: {keyTemplate: "{rendition}/{dir}{stem}.{ext}"}
                renditions:
                  medium: {width: 1000, quality: 70, formats: [jpeg, webp]}
                  logo: {width: 200, formats: [png, webp], lossless: true}
                  thumb: 320,jpeg+webp,q85
                """), Map.of());

        assertThat(c.renditions()).extracting(Rendition::toString).containsExactly(
                "medium=1000x1000,fit,jpeg,q70,bg=ffffff", "medium=1000x1000,fit,webp,q70,bg=ffffff",
                "logo=200x200,fit,png,q80,bg=ffffff", "logo=200x200,fit,webp,q80,bg=ffffff,lossless",
                "thumb=320x320,fit,jpeg,q85,bg=ffffff", "thumb=320x320,fit,webp,q85,bg=ffffff");
    }

    @Test
    void animatedKeepOrFirst() throws IOException {
        ResizerConfig c = ConfigLoader.load(yaml("""
                renditions:
                  moving: {width: 480, animated: keep}
                  still: {width: 480, animated: first}
                  short: 320,animated
                """), Map.of());

        assertThat(c.renditions()).extracting(Rendition::animated).containsExactly(true, false, true);
        assertThatThrownBy(() -> ConfigLoader.load(yaml("renditions: {m: {width: 480, animated: yes}}"), Map.of()))
                .hasMessageContaining("animated: expected keep or first but got 'yes'");
    }

    @Test
    void environmentListTakesJoinedFormats() {
        ResizerConfig c = ConfigLoader.load(null, Map.of("RESIZER_RENDITIONS", "medium=1000,jpeg+webp;hero=2000,webp,q60"));

        assertThat(c.renditions()).extracting(r -> r.name() + ":" + r.format())
                .containsExactly("medium:JPEG", "medium:WEBP", "hero:WEBP");
    }

    @Test
    void autoFormatWebpTurnsAutoRenditionsIntoWebpAndLeavesTheOthers() throws IOException {
        ResizerConfig c = ConfigLoader.load(yaml("""
                destination: {autoFormat: webp}
                renditions: {thumb: "320", card: "600x400,cover,jpeg"}
                """), Map.of());

        assertThat(c.renditions()).extracting(Rendition::format).containsExactly(OutputFormat.WEBP, OutputFormat.JPEG);
        assertThat(ConfigLoader.load(null, Map.of("RESIZER_AUTO_FORMAT", "webp")).renditions())
                .allMatch(r -> r.format() == OutputFormat.WEBP);
        assertThat(ConfigLoader.load(null, Map.of()).renditions()).allMatch(r -> r.format() == OutputFormat.AUTO);
    }

    @Test
    void sameNameTwiceNeedsDistinctFormatsAndATemplateThatSeparatesThem() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_RENDITIONS", "medium=1000,jpeg+auto")))
                .hasMessageContaining("the name 'medium' is used twice for .jpg outputs");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_RENDITIONS", "medium=1000,jpeg+webp",
                "RESIZER_KEY_TEMPLATE", "{rendition}/{dir}{name}")))
                .hasMessageContaining("must contain {ext} or {key} when a rendition has several formats");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_AUTO_FORMAT", "avif")))
                .hasMessageContaining("destination.autoFormat: expected jpeg-png or webp but got 'avif'");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("RESIZER_RENDITIONS", "m=1000,png,lossless")))
                .hasMessageContaining("lossless applies to webp only");
    }

    @Test
    void manifestPrefixIsConfigurableAndMustStayOutOfTheWatchedPrefix() throws IOException {
        assertThat(ConfigLoader.load(null, Map.of()).destination().manifestKey("a/b.jpg"))
                .isEqualTo("manifests/a/b.jpg.json");
        assertThat(ConfigLoader.load(null, Map.of("RESIZER_MANIFEST_PREFIX", "")).destination().manifestKey("a.jpg"))
                .isNull();
        assertThatThrownBy(() -> ConfigLoader.load(yaml("""
                source: {bucket: photos, prefix: uploads/}
                destination: {bucket: photos, keyTemplate: "web/{rendition}/{key}", manifestPrefix: uploads/manifests/}
                """), Map.of()))
                .hasMessageContaining("destination.manifestPrefix: 'uploads/manifests/' overlaps the watched prefix");
    }

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("resizer.yaml"), text);
    }
}
