package dev.s3resizer.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rendition spec: compact parsing, defaults, round trip, and validation messages that name the option. */
class RenditionTest {

    @Test
    void parsesTheCompactSpec() {
        Rendition r = Rendition.parse("thumb", "320x240,cover,q85,png,progressive,upscale,bg=#102030");

        assertThat(r.name()).isEqualTo("thumb");
        assertThat(r.width()).isEqualTo(320);
        assertThat(r.height()).isEqualTo(240);
        assertThat(r.mode()).isEqualTo(ResizeMode.COVER);
        assertThat(r.quality()).isEqualTo(85);
        assertThat(r.format()).isEqualTo(OutputFormat.PNG);
        assertThat(r.progressive()).isTrue();
        assertThat(r.upscale()).isTrue();
        assertThat(r.background()).isEqualTo(0x102030);
    }

    @Test
    void aLoneSizeIsASquareBoxWithDefaults() {
        Rendition r = Rendition.parse("medium", " 800 ");

        assertThat(r.width()).isEqualTo(800);
        assertThat(r.height()).isEqualTo(800);
        assertThat(r.mode()).isEqualTo(ResizeMode.FIT);
        assertThat(r.format()).isEqualTo(OutputFormat.AUTO);
        assertThat(r.quality()).isEqualTo(80);
        assertThat(r.background()).isEqualTo(0xFFFFFF);
        assertThat(r.progressive()).isFalse();
        assertThat(r.upscale()).isFalse();
    }

    @Test
    void builderDefaultsReproduceTheSeed() {
        Rendition r = Rendition.builder("default").build();

        assertThat(r.width()).isEqualTo(1000);
        assertThat(r.height()).isEqualTo(1000);
        assertThat(r.mode()).isEqualTo(ResizeMode.FIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"320x320,cover,q85", "1000", "64x32,width,jpeg,bg=ff0000,progressive", "10x10,png,upscale"})
    void specRoundTrips(String spec) {
        Rendition r = Rendition.parse("x", spec);

        assertThat(Rendition.parse("x", r.spec())).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.toString()).startsWith("x=");
    }

    @Test
    void differentSpecsAreNotEqual() {
        assertThat(Rendition.parse("x", "100,q80")).isNotEqualTo(Rendition.parse("x", "100,q81"));
        assertThat(Rendition.parse("x", "100")).isNotEqualTo(Rendition.parse("y", "100"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0x100 | width",
        "100x0 | height",
        "16385x10 | width",
        "10x16385 | height",
        "big | box",
        "100,q0 | quality",
        "100,q101 | quality",
        "100,sepia | sepia",
        "100,bg=12345 | bg=12345",
        "'' | box",
    })
    void invalidSpecsNameTheOption(String spec, String named) {
        assertThatThrownBy(() -> Rendition.parse("r", spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rendition r")
                .hasMessageContaining(named);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc", "a b", "-leading", "x12345678901234567890123456789012345678901234567890123456789012345"})
    void invalidNamesAreRefused(String name) {
        assertThatThrownBy(() -> Rendition.builder(name)).hasMessageContaining("rendition name")
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void builderValidatesEachSetter() {
        Rendition.Builder b = Rendition.builder("b");
        assertThatThrownBy(() -> b.quality(0)).hasMessageContaining("quality").hasMessageContaining("1-100");
        assertThatThrownBy(() -> b.box(-1, 10)).hasMessageContaining("width").hasMessageContaining("-1");
        assertThatThrownBy(() -> b.background(0x1000000)).hasMessageContaining("background");
        assertThatThrownBy(() -> b.mode(null)).hasMessageContaining("mode");
        assertThatThrownBy(() -> b.format(null)).hasMessageContaining("format");
    }

    @Test
    void modeAndFormatWordsNameWhatTheyExpect() {
        assertThat(ResizeMode.parse(" Cover ")).isEqualTo(ResizeMode.COVER);
        assertThat(OutputFormat.parse("JPG")).isEqualTo(OutputFormat.JPEG);
        assertThatThrownBy(() -> ResizeMode.parse("zoom")).hasMessageContaining("mode").hasMessageContaining("zoom");
        assertThatThrownBy(() -> OutputFormat.parse("gif")).hasMessageContaining("format").hasMessageContaining("gif");
    }

    /** Bug: a box too long for an int escaped as a bare NumberFormatException ("For input string"). */
    @ParameterizedTest
    @ValueSource(strings = {"99999999999", "100x99999999999", "99999999999x100,cover"})
    void regressionHugeBoxNumberGaveAnUnnamedNumberFormatError(String spec) {
        assertThatThrownBy(() -> Rendition.parse("r", spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rendition r")
                .hasMessageContaining("99999999999")
                .hasMessageNotContaining("For input string");
    }
}
