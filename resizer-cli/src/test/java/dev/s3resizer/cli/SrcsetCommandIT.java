package dev.s3resizer.cli;

import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code resizer srcset KEY} against the embedded S3 server: valid HTML pointing at the stored renditions. */
// sets the SDK's credential properties for the whole JVM: not at the same time as another class that does
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class SrcsetCommandIT extends CapturedCommandLine {

    @TempDir
    static Path data;
    static S3Fixture s3;
    static String endpoint;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3Fixture(data);
        endpoint = s3.server.endpoint().toString();
        System.setProperty("aws.accessKeyId", "resizer");
        System.setProperty("aws.secretAccessKey", "resizer-secret");
        config = Files.writeString(data.resolve("web.yaml"), """
                destination: {keyTemplate: "{rendition}/{dir}{stem}.{ext}"}
                renditions:
                  thumb: "320,jpeg+webp"
                  medium: {width: 1000, formats: [jpeg, webp]}
                  card: "600x600,cover,webp"
                """);
    }

    @AfterAll
    static void stop() {
        s3.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void printsValidPictureHtmlWithWebpFirstAndEscapedAttributes() {
        String key = "web/my \"cat\", <dog> & co.jpg";
        s3.put("incoming", key, TestImages.jpeg(1600, 1200));
        assertThat(run("backfill", "--endpoint", endpoint, "--config", config.toString(), "--prefix", "web/")).isZero();

        int code = run("srcset", "--endpoint", endpoint, "--config", config.toString(), "--alt", "Tom's \"cat\" <3",
                "--sizes", "(min-width: 800px) 50vw, 100vw", key);

        assertThat(code).as(err.toString()).isZero();
        String html = out.toString().substring(out.toString().indexOf("<picture>"));
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document doc = Jsoup.parse("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>" + html
                + "</body></html>", "", parser);
        assertThat(parser.getErrors()).as(html).isEmpty();
        Element picture = doc.selectFirst("body > picture");
        assertThat(picture).isNotNull();
        assertThat(picture.children()).extracting(Element::tagName).containsExactly("source", "img");
        Element source = picture.child(0);
        Element img = picture.child(1);
        assertThat(source.attr("type")).isEqualTo("image/webp");
        assertThat(keys(source.attr("srcset"))).containsExactly(
                "resized/thumb/web/my \"cat\", <dog> & co.webp 320w", "resized/medium/web/my \"cat\", <dog> & co.webp 1000w");
        assertThat(keys(img.attr("srcset"))).containsExactly(
                "resized/thumb/web/my \"cat\", <dog> & co.jpg 320w", "resized/medium/web/my \"cat\", <dog> & co.jpg 1000w");
        assertThat(img.attr("src")).endsWith("/resized/medium/web/my%20%22cat%22%2C%20%3Cdog%3E%20%26%20co.jpg");
        assertThat(img.attr("width")).isEqualTo("1000");
        assertThat(img.attr("height")).isEqualTo("750");
        assertThat(img.attr("alt")).isEqualTo("Tom's \"cat\" <3");
        assertThat(img.attr("sizes")).isEqualTo("(min-width: 800px) 50vw, 100vw");
        assertThat(img.attr("style")).matches("background-color:#[0-9a-f]{6};background-image:url\\(data:image/webp;"
                + "base64,[A-Za-z0-9+/=]+\\);background-size:cover");
        for (String entry : source.attr("srcset").split(", ")) {
            String url = entry.substring(0, entry.lastIndexOf(' '));
            String objectKey = URLDecoder.decode(url.substring((endpoint + "/resized/").length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            assertThat(s3.head("resized", objectKey).contentType()).isEqualTo("image/webp");
        }
    }

    @Test
    void aSourceWithoutManifestExitsOne() {
        assertThat(run("srcset", "--endpoint", endpoint, "--config", config.toString(), "web/never.jpg")).isEqualTo(1);
        assertThat(err.toString()).contains("no manifest at s3://resized/manifests/web/never.jpg.json");
    }

    /** The srcset's candidates as decoded "bucket/key width" strings. */
    private static List<String> keys(String srcset) {
        return Arrays.stream(srcset.split(", ")).map(c -> {
            String url = c.substring(0, c.lastIndexOf(' '));
            String path = url.substring(endpoint.length() + 1);
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8) + c.substring(c.lastIndexOf(' '));
        }).toList();
    }
}
