package dev.s3resizer.service;

import dev.s3resizer.core.ImageTooLargeException;
import dev.s3resizer.core.MemoryBudget;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.event.EventParser;
import dev.s3resizer.service.failure.FailureRecord;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The process service against a real S3-compatible server over HTTP, through the AWS SDK. */
class ProcessServiceIT {

    @TempDir
    static Path data;
    static S3Fixture s3;
    ProcessService service;

    @BeforeAll
    static void startServer() {
        s3 = new S3Fixture(data);
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    @BeforeEach
    void newService() {
        ResizerConfig config = ConfigLoader.load(null, Map.of());
        service = new ProcessService(config, new S3ObjectStore(s3.s3));
    }

    @Test
    void writesEveryRenditionWithContentTypeCacheControlAndMarker() {
        String key = "holiday photos/my cat+dog (1).jpg";
        String eTag = s3.put("incoming", key, TestImages.jpeg(2400, 1600));

        Outcome o = service.process(ObjectRef.of("incoming", key));

        assertThat(o.status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(o.written()).extracting(Outcome.Written::key).containsExactly(
                "thumb/holiday photos/my cat+dog (1).jpg", "medium/holiday photos/my cat+dog (1).jpg",
                "large/holiday photos/my cat+dog (1).jpg");
        assertThat(TestImages.size(s3.get("resized", "thumb/" + key))).containsExactly(320, 213);
        assertThat(TestImages.size(s3.get("resized", "medium/" + key))).containsExactly(1000, 667);
        assertThat(TestImages.size(s3.get("resized", "large/" + key))).containsExactly(2048, 1365);
        HeadObjectResponse head = s3.head("resized", "medium/" + key);
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000");
        assertThat(head.metadata()).containsEntry("resizer-rendition", "medium")
                .containsEntry("resizer-source-etag", eTag.replace("\"", ""))
                .containsKey("resizer-spec-hash");
    }

    @Test
    void duplicateEventDoesNoWork() {
        s3.put("incoming", "dup.jpg", TestImages.jpeg(1200, 900));
        service.process(ObjectRef.of("incoming", "dup.jpg"));
        Instant written = s3.head("resized", "thumb/dup.jpg").lastModified();

        Outcome again = service.process(ObjectRef.of("incoming", "dup.jpg"));

        assertThat(again.status()).isEqualTo(Outcome.Status.UP_TO_DATE);
        assertThat(again.bytesIn()).isZero();
        assertThat(s3.head("resized", "thumb/dup.jpg").lastModified()).isEqualTo(written);
    }

    @Test
    void replacedSourceIsProcessedAgain() {
        s3.put("incoming", "changed.jpg", TestImages.jpeg(1200, 900));
        service.process(ObjectRef.of("incoming", "changed.jpg"));
        s3.put("incoming", "changed.jpg", TestImages.jpeg(900, 1200));

        Outcome o = service.process(ObjectRef.of("incoming", "changed.jpg"));

        assertThat(o.status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(TestImages.size(s3.get("resized", "thumb/changed.jpg"))).containsExactly(240, 320);
    }

    @Test
    void transparentPngStaysPngWithAuto() {
        s3.put("incoming", "logo.png", TestImages.transparentPng(800, 800));

        service.process(ObjectRef.of("incoming", "logo.png"));

        assertThat(s3.head("resized", "thumb/logo.png").contentType()).isEqualTo("image/png");
        assertThat(s3.head("resized", "thumb/logo.jpg")).isNull();
    }

    @Test
    void removedEventDeletesTheRenditions() {
        s3.put("incoming", "gone/cat.jpg", TestImages.jpeg(800, 600));
        service.process(ObjectRef.of("incoming", "gone/cat.jpg"));
        s3.s3.deleteObject(b -> b.bucket("incoming").key("gone/cat.jpg"));

        Outcome o = service.remove(ObjectRef.of("incoming", "gone/cat.jpg"));

        assertThat(o.status()).isEqualTo(Outcome.Status.REMOVED);
        assertThat(o.written()).hasSize(3);
        assertThat(s3.keys("resized")).noneMatch(k -> k.contains("gone/cat"));
    }

    @Test
    void lateRemovedEventKeepsTheRenditionsOfASourceThatExistsAgain() {
        s3.put("incoming", "again/cat.jpg", TestImages.jpeg(800, 600));
        service.process(ObjectRef.of("incoming", "again/cat.jpg"));

        Outcome o = service.remove(ObjectRef.of("incoming", "again/cat.jpg"));

        assertThat(o.status()).isEqualTo(Outcome.Status.SKIPPED);
        assertThat(s3.head("resized", "thumb/again/cat.jpg")).isNotNull();
    }

    @Test
    void removedSourceLosesItsFailureRecord() {
        s3.put("incoming", "bad/gone.jpg", "not an image".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> service.process(ObjectRef.of("incoming", "bad/gone.jpg"))).isInstanceOf(ObjectFailure.class);
        s3.s3.deleteObject(b -> b.bucket("incoming").key("bad/gone.jpg"));

        service.remove(ObjectRef.of("incoming", "bad/gone.jpg"));

        assertThat(service.failures().list()).noneMatch(r -> r.source().key().equals("bad/gone.jpg"));
    }

    @Test
    void uploadTheMemoryBudgetCouldNeverHoldIsRefusedBeforeBeingRead() {
        ProcessService small = new ProcessService(ConfigLoader.load(null, Map.of()), new S3ObjectStore(s3.s3),
                new MemoryBudget(2L << 20));
        s3.put("incoming", "over/memory.jpg", java.util.Arrays.copyOf(TestImages.jpeg(640, 480), 3 << 20));

        assertThatThrownBy(() -> small.process(ObjectRef.of("incoming", "over/memory.jpg")))
                .isInstanceOfSatisfying(ObjectFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("too-large");
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.getMessage()).isEqualTo("s3://incoming/over/memory.jpg: input is 3145728 bytes, more "
                            + "than the 2 MiB of memory this process allows for images; refused before reading it");
                });
        assertThat(s3.keys("resized")).noneMatch(k -> k.endsWith("/over/memory.jpg"));
    }

    @Test
    void theStoreRefusesAnObjectFromTheLengthOfItsGetResponse() {
        s3.put("incoming", "over/limit.jpg", new byte[300_000]);

        assertThatThrownBy(() -> new S3ObjectStore(s3.s3).get(ObjectRef.of("incoming", "over/limit.jpg"), 100_000))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessage("input is 300000 bytes, over the limit of 100000 bytes; refused before reading it");
    }

    @Test
    void nonImageFailsWithReasonWritesNothingAndLeavesAFailureRecord() {
        s3.put("incoming", "notes.jpg", "just some text, not a picture".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> service.process(ObjectRef.of("incoming", "notes.jpg")))
                .isInstanceOfSatisfying(ObjectFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("unsupported");
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.getMessage()).startsWith("s3://incoming/notes.jpg: not a supported image");
                });
        assertThat(s3.keys("resized")).noneMatch(k -> k.endsWith("/notes.jpg"));
        List<FailureRecord> records = service.failures().list().toList();
        assertThat(records).anySatisfy(r -> {
            assertThat(r.source().key()).isEqualTo("notes.jpg");
            assertThat(r.reason()).isEqualTo("unsupported");
            assertThat(r.attempts()).isEqualTo(1);
        });

        s3.put("incoming", "notes.jpg", TestImages.jpeg(640, 480));
        assertThat(service.process(ObjectRef.of("incoming", "notes.jpg")).status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(service.failures().list()).noneMatch(r -> r.source().key().equals("notes.jpg"));
    }

    @Test
    void twoSourcesMappingToOneRenditionKeyAreRefusedNotOverwritten() {
        s3.put("incoming", "twins/cat.jpg", TestImages.jpeg(900, 600));
        s3.put("incoming", "twins/cat.png", TestImages.jpeg(600, 900));
        service.process(ObjectRef.of("incoming", "twins/cat.jpg"));

        assertThatThrownBy(() -> service.process(ObjectRef.of("incoming", "twins/cat.png")))
                .isInstanceOfSatisfying(ObjectFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("collision");
                    assertThat(f.getMessage()).contains("s3://resized/thumb/twins/cat.jpg", "twins/cat.jpg", "{name}");
                });
        assertThat(TestImages.size(s3.get("resized", "thumb/twins/cat.jpg"))).containsExactly(320, 213);

        ProcessService byName = new ProcessService(ConfigLoader.load(null,
                Map.of("RESIZER_KEY_TEMPLATE", "{rendition}/{dir}{name}.{ext}")), new S3ObjectStore(s3.s3));
        byName.process(ObjectRef.of("incoming", "twins/cat.jpg"));
        byName.process(ObjectRef.of("incoming", "twins/cat.png"));
        assertThat(TestImages.size(s3.get("resized", "thumb/twins/cat.png.jpg"))).containsExactly(213, 320);
        assertThat(TestImages.size(s3.get("resized", "thumb/twins/cat.jpg.jpg"))).containsExactly(320, 213);
    }

    @Test
    void objectCarryingTheRenditionMarkerIsNeverASource() {
        s3.put("incoming", "sneaky.jpg", TestImages.jpeg(640, 480), Map.of("resizer-rendition", "thumb"));

        Outcome o = service.process(ObjectRef.of("incoming", "sneaky.jpg"));

        assertThat(o.status()).isEqualTo(Outcome.Status.SKIPPED);
        assertThat(o.detail()).contains("rendition marker");
        assertThat(s3.keys("resized")).noneMatch(k -> k.endsWith("sneaky.jpg"));
    }

    @Test
    void eventsForRenditionKeysAreSkippedEvenInTheSameBucketLayout() {
        ResizerConfig sameBucket = ConfigLoader.load(null, Map.of("RESIZER_DESTINATION_BUCKET", "incoming",
                "RESIZER_SOURCE_PREFIX", "uploads/", "RESIZER_KEY_TEMPLATE", "web/{rendition}/{key}"));
        ProcessService s = new ProcessService(sameBucket, new S3ObjectStore(s3.s3));
        s3.put("incoming", "uploads/a.jpg", TestImages.jpeg(800, 600));

        Outcome first = s.process(ObjectRef.of("incoming", "uploads/a.jpg"));
        Outcome echo = s.process(ObjectRef.of("incoming", "web/thumb/uploads/a.jpg"));

        assertThat(first.status()).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(s3.head("incoming", "web/thumb/uploads/a.jpg")).isNotNull();
        assertThat(echo.status()).isEqualTo(Outcome.Status.SKIPPED);
        assertThat(echo.detail()).contains("never a source");
    }

    @Test
    void handlesEveryRecordOfAnEventWithEncodedKeys() {
        s3.put("incoming", "a b+c.jpg", TestImages.jpeg(700, 500));
        s3.put("incoming", "été (2).jpg", TestImages.jpeg(500, 700));
        String event = """
                {"Records":[
                 {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"incoming"},"object":{"key":"a+b%2Bc.jpg"}}},
                 {"eventName":"ObjectCreated:Copy","s3":{"bucket":{"name":"incoming"},"object":{"key":"%C3%A9t%C3%A9+%282%29.jpg"}}}
                ]}""";

        List<Outcome> outcomes = EventParser.parse(event).stream().map(service::handle).toList();

        assertThat(outcomes).extracting(Outcome::status).containsOnly(Outcome.Status.PROCESSED);
        assertThat(s3.head("resized", "thumb/a b+c.jpg")).isNotNull();
        assertThat(s3.head("resized", "thumb/été (2).jpg")).isNotNull();
    }

    /**
     * Bug: decode failures from a library escaped raw and were recorded as reason "error",
     * retryable, so queues retried them for nothing. A WebP whose VP8 start code is damaged is
     * now refused as corrupt, and the record says so, not retryable.
     */
    @Test
    void regressionCorruptFileWasRecordedAsRetryableError() {
        s3.put("incoming", "bad-start.webp", TestImages.webpWithBadVp8StartCode());

        assertThatThrownBy(() -> service.process(ObjectRef.of("incoming", "bad-start.webp")))
                .isInstanceOfSatisfying(ObjectFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("corrupt");
                    assertThat(f.retryable()).isFalse();
                });
        assertThat(service.failures().list()).anySatisfy(r -> {
            assertThat(r.source().key()).isEqualTo("bad-start.webp");
            assertThat(r.reason()).isEqualTo("corrupt");
            assertThat(r.retryable()).isFalse();
            assertThat(r.message()).contains("bad VP8 start code");
        });
    }

    @Test
    void imageOverItsTimeBudgetFailsTooSlowNotRetryable() {
        ResizerConfig tight = ConfigLoader.load(null, Map.of("RESIZER_MAX_MILLIS_PER_MEGAPIXEL", "1"));
        ProcessService impatient = new ProcessService(tight, new S3ObjectStore(s3.s3));
        s3.put("incoming", "slow.jpg", TestImages.jpeg(3000, 2000));

        assertThatThrownBy(() -> impatient.process(ObjectRef.of("incoming", "slow.jpg")))
                .isInstanceOfSatisfying(ObjectFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("too-slow");
                    assertThat(f.retryable()).isFalse();
                });
        assertThat(impatient.failures().list()).anySatisfy(r -> {
            assertThat(r.source().key()).isEqualTo("slow.jpg");
            assertThat(r.reason()).isEqualTo("too-slow");
            assertThat(r.retryable()).isFalse();
        });
    }
}
