package dev.s3resizer.cli;

import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code resize} command's contract: outputs, lines, exit codes. */
class ResizeCommandTest extends CapturedCommandLine {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheSeedsJobFitInside1000Jpeg() throws Exception {
        Path photo = Files.write(dir.resolve("photo.png"), TestImages.jpeg(3000, 2000));

        int code = run("resize", "-o", dir.resolve("out").toString(), photo.toString());

        assertThat(code).isZero();
        assertThat(TestImages.size(Files.readAllBytes(dir.resolve("out/photo.jpg")))).containsExactly(1000, 667);
        assertThat(out.toString()).contains("photo.png  3000x2000").contains("-> 1000x667 jpg");
    }

    @Test
    void namedRenditionsGoToTheirOwnFolders() throws Exception {
        Path photo = Files.write(dir.resolve("cat.jpg"), TestImages.jpeg(1200, 900));

        int code = run("resize", "--rendition", "thumb=320", "--rendition", "card=600x400,cover,q85",
                "-o", dir.resolve("out").toString(), photo.toString());

        assertThat(code).isZero();
        assertThat(TestImages.size(Files.readAllBytes(dir.resolve("out/thumb/cat.jpg")))).containsExactly(320, 240);
        assertThat(TestImages.size(Files.readAllBytes(dir.resolve("out/card/cat.jpg")))).containsExactly(600, 400);
    }

    @Test
    void aFailedInputIsOneClearLineExitOneAndNoOutputFile() throws Exception {
        Path good = Files.write(dir.resolve("good.jpg"), TestImages.jpeg(800, 600));
        Path bad = Files.writeString(dir.resolve("notes.jpg"), "shopping list: milk, eggs");
        Path out = dir.resolve("out");

        int code = run("resize", "-o", out.toString(), bad.toString(), good.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith(bad + ": not a supported image").doesNotContain("Exception").hasLineCount(1);
        assertThat(Files.exists(out.resolve("good.jpg"))).isTrue();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("good.jpg");
        }
    }

    /**
     * Bug: an error a library threw (an LCMS CMMException, an OutOfMemoryError) stopped the whole
     * batch with a stack trace. Every failure is now one line naming the file and the reason, and
     * the files after it are still rendered.
     */
    @Test
    void regressionABadFileInTheMiddleStoppedTheBatch() throws Exception {
        Path first = Files.write(dir.resolve("first.jpg"), TestImages.jpeg(800, 600));
        Path bad = Files.write(dir.resolve("damaged.webp"), TestImages.webpWithBadVp8StartCode());
        Path last = Files.write(dir.resolve("last.png"), TestImages.transparentPng(300, 200));
        Path out = dir.resolve("out");

        int code = run("resize", "-o", out.toString(), first.toString(), bad.toString(), last.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).hasLineCount(1).startsWith(bad + ": WebP: bad VP8 start code")
                .endsWith("[corrupt]").doesNotContain("Exception");
        assertThat(out.resolve("first.jpg")).exists();
        assertThat(out.resolve("last.jpg")).exists();
        assertThat(this.out.toString()).contains("first.jpg").contains("last.png").doesNotContain("damaged");
    }

    @Test
    void anImageOverItsTimeBudgetIsReportedTooSlow() throws Exception {
        Path config = Files.writeString(dir.resolve("tight.yaml"), "limits: {maxMillisPerMegapixel: 1}\n");
        Path photo = Files.write(dir.resolve("big.jpg"), TestImages.jpeg(3000, 2000));

        int code = run("resize", "--config", config.toString(), "-o", dir.resolve("out").toString(), photo.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).hasLineCount(1).contains("time budget of 6 ms").endsWith("[too-slow]");
    }

    @Test
    void aFileOverTheByteLimitIsRefusedFromItsSizeAndTheBatchGoesOn() throws Exception {
        Path big = Files.write(dir.resolve("big.jpg"), TestImages.jpeg(1600, 1200));
        Path small = Files.write(dir.resolve("small.jpg"), TestImages.jpeg(40, 30));
        Path config = Files.writeString(dir.resolve("resizer.yaml"), """
                renditions:
                  thumb: 32
                limits: {maxInputBytes: %d}
                """.formatted(Files.size(small)));

        int code = run("resize", "--config", config.toString(), "-o", dir.resolve("out").toString(), big.toString(),
                small.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(big + ": input is " + Files.size(big) + " bytes, over the limit of "
                + Files.size(small) + " bytes; refused before reading it [too-large]");
        assertThat(Files.exists(dir.resolve("out/thumb/small.jpg"))).isTrue();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("resize", "--quality", "0", "-o", dir.toString(), "x.jpg")).isEqualTo(2);
        assertThat(err.toString()).contains("quality");
        assertThat(run("resize", "x.jpg")).isEqualTo(2);
        assertThat(run("resize", "--mode", "stretch", "-o", dir.toString(), "x.jpg")).isEqualTo(2);
    }

    @Test
    void errorsOutsideImagesAreOneLineWithoutAStackTrace() throws Exception {
        Path badConfig = Files.writeString(dir.resolve("bad.yaml"), "renditions: {thumb: 0}\n");

        int missingEvent = run("invoke", "--event", dir.resolve("nope.json").toString(), "--endpoint", "http://127.0.0.1:1");
        assertThat(missingEvent).isEqualTo(1);
        assertThat(err.toString()).contains("resizer invoke: no such file").doesNotContain("\tat ");

        int config = run("serve", "--config", badConfig.toString(), "--port", "0");
        assertThat(config).isEqualTo(2);
        assertThat(err.toString()).contains("renditions.thumb").doesNotContain("\tat ");
    }

    @Test
    void helpDescribesEveryOption() {
        assertThat(run("resize", "--help")).isZero();
        assertThat(out.toString()).contains("--width", "--height", "--mode", "--format", "--quality", "--rendition",
                "--config", "-o, --output");
    }
}
