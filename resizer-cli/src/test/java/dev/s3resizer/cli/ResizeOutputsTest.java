package dev.s3resizer.cli;

import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What {@code resize} leaves in OUTDIR: no output silently replaced, files readable as the umask allows. */
class ResizeOutputsTest extends CapturedCommandLine {

    @TempDir
    Path dir;

    @Test
    void aSecondInputWithTheSameStemIsRefusedNamingTheFirstAndTheFirstOutputIsKept() throws Exception {
        Path png = Files.write(dir.resolve("photo.png"), TestImages.jpeg(800, 600));
        Path jpeg = Files.write(dir.resolve("photo.jpeg"), TestImages.jpeg(600, 800));
        Path outDir = dir.resolve("out");

        int code = run("resize", "-o", outDir.toString(), png.toString(), jpeg.toString());

        assertThat(code).isEqualTo(1);
        assertThat(TestImages.size(Files.readAllBytes(outDir.resolve("photo.jpg")))).containsExactly(800, 600);
        assertThat(err.toString().strip()).hasLineCount(1)
                .startsWith(jpeg + ": not written: " + outDir.resolve("photo.jpg") + " was written from " + png);
        assertThat(out.toString()).contains("photo.png").doesNotContain("photo.jpeg");
    }

    @Test
    void theSameStemInDifferentRunsStillReplacesTheEarlierOutput() throws Exception {
        Path first = Files.write(Files.createDirectories(dir.resolve("a")).resolve("photo.png"), TestImages.jpeg(800, 600));
        Path second = Files.write(Files.createDirectories(dir.resolve("b")).resolve("photo.png"), TestImages.jpeg(600, 800));
        Path outDir = dir.resolve("out");

        assertThat(run("resize", "-o", outDir.toString(), first.toString())).isZero();
        assertThat(run("resize", "-o", outDir.toString(), second.toString())).isZero();

        assertThat(TestImages.size(Files.readAllBytes(outDir.resolve("photo.jpg")))).containsExactly(600, 800);
    }

    @Test
    void outputsGetThePermissionsAPlainCreateGetsUnderTheUmask() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path photo = Files.write(dir.resolve("photo.jpg"), TestImages.jpeg(400, 300));
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path plain = Files.createFile(outDir.resolve("plain.txt"));

        assertThat(run("resize", "-o", outDir.toString(), photo.toString())).isZero();

        assertThat(Files.getPosixFilePermissions(outDir.resolve("photo.jpg")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
        try (var files = Files.list(outDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("photo.jpg", "plain.txt");
        }
    }
}
