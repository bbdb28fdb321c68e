package dev.s3resizer.service.backfill;

import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Backfill over a real S3-compatible server: pagination, idempotent re-runs, resuming, failures. */
class BackfillIT {

    @TempDir
    static Path data;
    static S3Fixture s3;

    @BeforeAll
    static void start() {
        s3 = new S3Fixture(data);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    private static ProcessService service(String prefix) {
        ResizerConfig config = ConfigLoader.load(null, Map.of("RESIZER_SOURCE_PREFIX", prefix,
                "RESIZER_RENDITIONS", "thumb=64;small=128"));
        return new ProcessService(config, new S3ObjectStore(s3.s3));
    }

    @Test
    void twoHundredObjectsTwiceTheSecondRunDoesNoWork() throws Exception {
        byte[] image = TestImages.jpeg(320, 240);
        for (int i = 0; i < 200; i++) {
            s3.put("incoming", String.format("bulk/%03d.jpg", i), image);
        }
        ProcessService service = service("bulk/");
        S3ObjectStore pagesOf50 = new S3ObjectStore(s3.s3, 50);

        Backfill.Summary first = new Backfill(service, pagesOf50).run(new Backfill.Options("", false, 8, 0));
        Backfill.Summary second = new Backfill(service, pagesOf50).run(new Backfill.Options("", false, 8, 0));

        assertThat(first.progress().total()).isEqualTo(200);
        assertThat(first.progress().processed()).isEqualTo(200);
        assertThat(first.failures()).isEmpty();
        assertThat(first.progress().bytesSaved()).isPositive();
        assertThat(second.progress().processed()).isZero();
        assertThat(second.progress().upToDate()).isEqualTo(200);
        assertThat(s3.keys("resized").stream().filter(k -> k.startsWith("thumb/bulk/"))).hasSize(200);
    }

    @Test
    void interruptedRunResumesWithoutRedoingWork() throws Exception {
        byte[] image = TestImages.jpeg(480, 360);
        for (int i = 0; i < 60; i++) {
            s3.put("incoming", String.format("resume/%02d.jpg", i), image);
        }
        ProcessService service = service("resume/");
        Backfill interrupted = new Backfill(service, new S3ObjectStore(s3.s3));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread run = Thread.ofPlatform().start(() -> {
            try {
                interrupted.run(new Backfill.Options("", false, 2, 0));
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> interrupted.progress().done() >= 15);
        run.interrupt();
        run.join();
        long doneBefore = interrupted.progress().processed();

        Backfill.Summary resumed = new Backfill(service, new S3ObjectStore(s3.s3)).run(new Backfill.Options("", false, 4, 0));

        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(doneBefore).isBetween(15L, 59L);
        assertThat(resumed.progress().upToDate()).isEqualTo(doneBefore);
        assertThat(resumed.progress().processed()).isEqualTo(60 - doneBefore);
    }

    @Test
    void dryRunWritesNothingAndFailuresAreListed() throws Exception {
        s3.put("incoming", "mixed/good.jpg", TestImages.jpeg(300, 200));
        s3.put("incoming", "mixed/bad.jpg", "no pixels here".getBytes(StandardCharsets.UTF_8));
        ProcessService service = service("mixed/");

        Backfill.Summary dry = new Backfill(service, new S3ObjectStore(s3.s3)).run(new Backfill.Options("", true, 2, 0));
        assertThat(dry.progress().processed()).isEqualTo(2);
        assertThat(s3.keys("resized")).noneMatch(k -> k.contains("mixed/"));

        Backfill.Summary real = new Backfill(service, new S3ObjectStore(s3.s3)).run(new Backfill.Options("", false, 2, 5));
        assertThat(real.progress().processed()).isEqualTo(1);
        assertThat(real.failures()).singleElement()
                .satisfies(f -> assertThat(f.getMessage()).contains("s3://incoming/mixed/bad.jpg"));
    }
}
