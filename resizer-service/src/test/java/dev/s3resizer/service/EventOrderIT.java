package dev.s3resizer.service;

import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.event.Sequencer;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.testing.GatedStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3 delivers events at least once and in any order, and two deliveries of one key may run at once
 * in two Lambda containers. Each test plays one such history against the embedded S3 server: the
 * bucket changes as the user changed it, and the events reach the service late, reversed, or while
 * another container is half-way through the same key ({@link GatedStore} holds one container at an
 * exact request while the test goes on).
 */
class EventOrderIT {

    @TempDir
    static Path data;
    static S3Fixture s3;
    static ResizerConfig config;

    @BeforeAll
    static void startServer() {
        s3 = new S3Fixture(data);
        config = ConfigLoader.load(null, Map.of());
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    private static ProcessService container(ObjectStore store) {
        return new ProcessService(config, store);
    }

    private static ProcessService container() {
        return container(new S3ObjectStore(s3.s3));
    }

    private static ObjectEvent put(String key, String sequencer) {
        return new ObjectEvent(ObjectEvent.Kind.CREATED, ObjectRef.of("incoming", key), "ObjectCreated:Put",
                Sequencer.of(sequencer));
    }

    private static ObjectEvent delete(String key, String sequencer) {
        return new ObjectEvent(ObjectEvent.Kind.REMOVED, ObjectRef.of("incoming", key), "ObjectRemoved:Delete",
                Sequencer.of(sequencer));
    }

    private static void deleteSource(String key) {
        s3.s3.deleteObject(b -> b.bucket("incoming").key(key));
    }

    private static Outcome join(CompletableFuture<Outcome> running) throws Exception {
        return running.get(60, TimeUnit.SECONDS);
    }

    private static long renditionsOf(String key) {
        return s3.keys("resized").stream().filter(k -> k.endsWith("/" + key)).count();
    }

    // 1. A delete followed by a late put event of the deleted object leaves no renditions.

    @Test
    void putEventArrivingAfterTheDeleteLeavesNoRenditions() {
        s3.put("incoming", "late-put/cat.jpg", TestImages.jpeg(800, 600));
        deleteSource("late-put/cat.jpg");

        Outcome removed = container().handle(delete("late-put/cat.jpg", "02"));
        Outcome late = container().handle(put("late-put/cat.jpg", "01"));

        assertThat(removed.status()).isEqualTo(Outcome.Status.REMOVED);
        assertThat(late.status()).isEqualTo(Outcome.Status.SKIPPED);
        assertThat(renditionsOf("late-put/cat.jpg")).isZero();
    }

    @Test
    void sourceDeletedBetweenThePutsHeadAndGetLeavesNoRenditions() throws Exception {
        String key = "deleted-before-get/cat.jpg";
        s3.put("incoming", key, TestImages.jpeg(800, 600));
        GatedStore gated = GatedStore.after(new S3ObjectStore(s3.s3), "head", "incoming", key);
        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> container(gated).handle(put(key, "01")));
        gated.awaitPaused();

        deleteSource(key);
        Outcome removed = container().handle(delete(key, "02"));
        gated.release();

        assertThat(removed.status()).isEqualTo(Outcome.Status.REMOVED);
        assertThat(join(first).status()).isEqualTo(Outcome.Status.SKIPPED);
        assertThat(join(first).detail()).contains("deleted before it was read");
        assertThat(renditionsOf(key)).isZero();
    }

    @Test
    void putProcessedWithAStaleBodyAfterTheDeleteRanRemovesWhatItWrote() throws Exception {
        String key = "deleted-while-rendering/cat.jpg";
        s3.put("incoming", key, TestImages.jpeg(800, 600));
        GatedStore gated = GatedStore.before(new S3ObjectStore(s3.s3), "put", "resized", "thumb/" + key);
        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> container(gated).handle(put(key, "01")));
        gated.awaitPaused();

        deleteSource(key);
        Outcome removed = container().handle(delete(key, "02"));
        gated.release();

        assertThat(removed.detail()).isEqualTo("0 renditions removed");
        assertThat(join(first).status()).isEqualTo(Outcome.Status.SKIPPED);
        assertThat(join(first).detail()).contains("deleted while it was processed", "3 renditions");
        assertThat(renditionsOf(key)).isZero();
    }

    // 2. A put, then an overwrite, with the events reversed, leaves the newer content's renditions.

    @Test
    void overwriteEventsInReverseOrderLeaveTheNewerContentsRenditions() {
        String key = "reversed/cat.jpg";
        s3.put("incoming", key, TestImages.jpeg(1200, 900));
        String newer = s3.put("incoming", key, TestImages.jpeg(900, 1200)).replace("\"", "");

        Outcome second = container().handle(put(key, "02"));
        Instant written = s3.head("resized", "thumb/" + key).lastModified();
        Outcome first = container().handle(put(key, "01"));

        assertThat(second.status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(first.status()).isEqualTo(Outcome.Status.UP_TO_DATE);
        assertThat(TestImages.size(s3.get("resized", "thumb/" + key))).containsExactly(240, 320);
        assertThat(s3.head("resized", "thumb/" + key).metadata()).containsEntry("resizer-source-etag", newer)
                .containsEntry("resizer-source-sequencer", "02");
        assertThat(s3.head("resized", "thumb/" + key).lastModified()).isEqualTo(written);
    }

    @Test
    void olderEventIsSkippedWhenTheRenditionsRecordALaterOneEvenIfTheSourceChangedAgain() {
        String key = "stale/cat.jpg";
        s3.put("incoming", key, TestImages.jpeg(1200, 900));
        s3.put("incoming", key, TestImages.jpeg(900, 1200));
        container().handle(put(key, "02"));
        s3.put("incoming", key, TestImages.jpeg(1000, 1000));
        Instant written = s3.head("resized", "thumb/" + key).lastModified();

        Outcome stale = container().handle(put(key, "01"));
        Outcome latest = container().handle(put(key, "03"));

        assertThat(stale.status()).isEqualTo(Outcome.Status.SKIPPED);
        assertThat(stale.detail()).contains("stale event", "02 after 01");
        assertThat(latest.status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(s3.head("resized", "thumb/" + key).lastModified()).isAfterOrEqualTo(written);
        assertThat(TestImages.size(s3.get("resized", "thumb/" + key))).containsExactly(320, 320);
    }

    @Test
    void olderPutFinishingAfterTheOverwriteWasProcessedEndsWithTheNewerContent() throws Exception {
        String key = "overtaken/cat.jpg";
        s3.put("incoming", key, TestImages.jpeg(1200, 900));
        GatedStore gated = GatedStore.before(new S3ObjectStore(s3.s3), "put", "resized", "thumb/" + key);
        CompletableFuture<Outcome> older = CompletableFuture.supplyAsync(() -> container(gated).handle(put(key, "01")));
        gated.awaitPaused();

        String newer = s3.put("incoming", key, TestImages.jpeg(900, 1200)).replace("\"", "");
        Outcome overwrite = container().handle(put(key, "02"));
        gated.release();

        assertThat(overwrite.status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(join(older).status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(join(older).source().eTag()).isEqualTo(newer);
        for (String rendition : new String[] {"thumb", "medium", "large"}) {
            assertThat(s3.head("resized", rendition + "/" + key).metadata()).containsEntry("resizer-source-etag", newer);
        }
        assertThat(TestImages.size(s3.get("resized", "thumb/" + key))).containsExactly(240, 320);
    }

    // 3. A delete's event arriving after the re-upload that followed it does not delete the newer renditions.

    @Test
    void deleteEventArrivingAfterTheReuploadWasProcessedKeepsItsRenditions() {
        String key = "reuploaded/cat.jpg";
        s3.put("incoming", key, TestImages.jpeg(1200, 900));
        deleteSource(key);
        s3.put("incoming", key, TestImages.jpeg(900, 1200));

        container().handle(put(key, "03"));
        Outcome lateDelete = container().handle(delete(key, "02"));
        Outcome latePut = container().handle(put(key, "01"));

        assertThat(lateDelete.status()).isEqualTo(Outcome.Status.SKIPPED);
        assertThat(latePut.status()).isEqualTo(Outcome.Status.UP_TO_DATE);
        assertThat(TestImages.size(s3.get("resized", "thumb/" + key))).containsExactly(240, 320);
    }

    @Test
    void deleteRunningWhileTheReuploadIsProcessedKeepsRenditionsMadeForTheLaterEvent() throws Exception {
        String key = "reupload-race/cat.jpg";
        s3.put("incoming", key, TestImages.jpeg(1200, 900));
        container().handle(put(key, "01"));
        deleteSource(key);
        GatedStore gated = GatedStore.after(new S3ObjectStore(s3.s3), "head", "incoming", key);
        CompletableFuture<Outcome> delete = CompletableFuture.supplyAsync(() -> container(gated).handle(delete(key, "02")));
        gated.awaitPaused();

        s3.put("incoming", key, TestImages.jpeg(900, 1200));
        Outcome reupload = container().handle(put(key, "03"));
        gated.release();

        assertThat(reupload.status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(join(delete).status()).isEqualTo(Outcome.Status.REMOVED);
        assertThat(join(delete).detail()).isEqualTo("0 renditions removed, 3 made for a later event kept");
        assertThat(TestImages.size(s3.get("resized", "thumb/" + key))).containsExactly(240, 320);
    }

    @Test
    void deleteWithoutSequencersThatRemovedTheReuploadsRenditionsMakesThemAgain() throws Exception {
        String key = "reupload-race-unsequenced/cat.jpg";
        s3.put("incoming", key, TestImages.jpeg(1200, 900));
        deleteSource(key);
        GatedStore gated = GatedStore.after(new S3ObjectStore(s3.s3), "head", "incoming", key);
        CompletableFuture<Outcome> delete = CompletableFuture.supplyAsync(() -> container(gated).handle(delete(key, null)));
        gated.awaitPaused();

        s3.put("incoming", key, TestImages.jpeg(900, 1200));
        container().handle(put(key, null));
        gated.release();

        assertThat(join(delete).status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(join(delete).detail()).startsWith("source re-uploaded while its renditions were removed");
        assertThat(renditionsOf(key)).isEqualTo(3);
        assertThat(TestImages.size(s3.get("resized", "thumb/" + key))).containsExactly(240, 320);
    }
}
