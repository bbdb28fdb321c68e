package dev.s3resizer.core.webp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where libwebp cannot load, WebP input still decodes (TwelveMonkeys' pure-Java reader) and WebP
 * output fails with a message naming the platform. Runs in a JVM of its own, since a JVM loads
 * the library at most once.
 */
class LibwebpMissingIT {

    @Test
    void inputFallsBackToPureJavaAndOutputNamesThePlatform(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true",
                "-Dcom.luciad.imageio.webp.tmpdir=" + dir.resolve("missing"),
                "-cp", System.getProperty("java.class.path"), WithoutLibwebp.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("input: 64x64");
        assertThat(out).contains("output: refused, retryable=false: WebP output (rendition w) needs libwebp")
                .contains("(" + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
    }
}
