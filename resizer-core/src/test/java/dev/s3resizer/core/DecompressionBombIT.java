package dev.s3resizer.core;

import dev.s3resizer.core.fixture.PngChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The 20000x20000 PNG bomb of {@link DecompressionBombTest} is refused inside a child JVM with a 64 MB heap. */
class DecompressionBombIT {

    private static final byte[] bomb = PngChunks.grayBomb(20_000, 20_000);

    @Test
    void refusedInAJvmWithA64MegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("bomb.png"), bomb);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), BombRefusal.class.getName(), file.toString())
                .redirectErrorStream(true).start();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(output).contains("refused: too-large");
        assertThat(child.exitValue()).as(output).isZero();
    }
}
