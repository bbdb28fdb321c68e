package dev.s3resizer.service;

import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Catching up at start with what a stopped server missed, against a real S3-compatible server. */
class ReconcileIT {

    @TempDir
    static java.nio.file.Path data;
    static S3Fixture s3;

    @BeforeAll
    static void startServer() {
        s3 = new S3Fixture(data);
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    @Test
    void renditionsOfADeletedSourceGoAndASourceNeverProcessedGetsItsRenditions() throws Exception {
        S3ObjectStore store = new S3ObjectStore(s3.s3);
        ProcessService service = new ProcessService(ConfigLoader.load(null, Map.of()), store);
        s3.put("incoming", "kept.jpg", TestImages.jpeg(800, 600));
        s3.put("incoming", "deleted while down.jpg", TestImages.jpeg(800, 600));
        service.process(ObjectRef.of("incoming", "kept.jpg"));
        service.process(ObjectRef.of("incoming", "deleted while down.jpg"));
        s3.s3.deleteObject(b -> b.bucket("incoming").key("deleted while down.jpg"));
        s3.put("incoming", "uploaded, never processed.jpg", TestImages.jpeg(640, 480));

        Reconcile.Summary summary = new Reconcile(service, store).run(2);

        assertThat(summary.orphansRemoved()).isEqualTo(3);
        assertThat(summary.backfill().progress().processed()).isEqualTo(1);
        assertThat(summary.backfill().progress().upToDate()).isEqualTo(1);
        assertThat(s3.keys("resized")).containsExactlyInAnyOrder(
                "thumb/kept.jpg", "medium/kept.jpg", "large/kept.jpg",
                "thumb/uploaded, never processed.jpg", "medium/uploaded, never processed.jpg",
                "large/uploaded, never processed.jpg",
                "manifests/kept.jpg.json", "manifests/uploaded, never processed.jpg.json");
        Reconcile.Summary again = new Reconcile(service, store).run(2);
        assertThat(again.orphansRemoved()).isZero();
        assertThat(again.backfill().progress().processed()).isZero();
    }
}
