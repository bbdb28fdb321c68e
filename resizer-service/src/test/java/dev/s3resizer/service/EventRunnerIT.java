package dev.s3resizer.service;

import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.testing.ForwardingStore;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.testing.GatedStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The one per-event path of every adapter, against the embedded S3 server. */
class EventRunnerIT {

    @TempDir
    static Path data;
    static S3Fixture s3;

    @BeforeAll
    static void startServer() {
        s3 = new S3Fixture(data);
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    private static ProcessService service(ObjectStore store) {
        return new ProcessService(ConfigLoader.load(null, Map.of()), store);
    }

    private static ObjectEvent created(String key) {
        return new ObjectEvent(ObjectEvent.Kind.CREATED, ObjectRef.of("incoming", key), "ObjectCreated:Put");
    }

    private static ObjectEvent removed(String key) {
        return new ObjectEvent(ObjectEvent.Kind.REMOVED, ObjectRef.of("incoming", key), "ObjectRemoved:Delete");
    }

    @Test
    void failuresAreValuesAndEveryObjectGetsALogLineAndAMetricsLine() {
        s3.put("incoming", "runner/a.jpg", TestImages.jpeg(640, 480));
        s3.put("incoming", "runner/text.jpg", "no picture".getBytes(StandardCharsets.UTF_8));
        s3.put("incoming", "runner/b.jpg", TestImages.jpeg(480, 640));
        List<String> lines = new CopyOnWriteArrayList<>();
        EventRunner runner = new EventRunner(() -> service(new S3ObjectStore(s3.s3)), EventLog.json(lines::add));

        BatchResult result = runner.runAll(List.of(created("runner/a.jpg"), created("runner/text.jpg"), created("runner/b.jpg")));

        assertThat(result.results()).hasSize(3);
        assertThat(result.outcomes()).extracting(Outcome::status).containsOnly(Outcome.Status.PROCESSED);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.source().key()).isEqualTo("runner/text.jpg");
            assertThat(f.reason()).isEqualTo("unsupported");
        });
        assertThat(lines).hasSize(6);
        assertThat(lines.get(2)).contains("\"key\":\"runner/text.jpg\"", "\"outcome\":\"failed\"", "\"reason\":\"unsupported\"");
        assertThat(lines.get(3)).contains("\"Namespace\":\"S3ImageResizer\"", "\"Outcome\":\"unsupported\"", "\"Failures\":1");
        assertThat(lines.get(5)).contains("\"Outcome\":\"processed\"", "\"ImagesProcessed\":1");
        assertThat(result.toJson()).contains("\"processed\":2", "\"failed\":1", "\"status\":\"FAILED\"");
    }

    @Test
    void anErrorFromOneImageIsAFailureValueAndTheNextEventStillRuns() {
        s3.put("incoming", "runner/huge.jpg", TestImages.jpeg(640, 480));
        s3.put("incoming", "runner/after.jpg", TestImages.jpeg(640, 480));
        ObjectStore outOfMemory = new OutOfMemoryOnGet(new S3ObjectStore(s3.s3), "runner/huge.jpg");
        List<String> lines = new CopyOnWriteArrayList<>();
        EventRunner runner = new EventRunner(() -> service(outOfMemory), EventLog.json(lines::add));

        BatchResult result = runner.runAll(List.of(created("runner/huge.jpg"), created("runner/after.jpg")));

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.source().key()).isEqualTo("runner/huge.jpg");
            assertThat(f.getMessage()).contains("OutOfMemoryError");
            assertThat(f.retryable()).isTrue();
        });
        assertThat(result.outcomes()).singleElement().extracting(Outcome::status).isEqualTo(Outcome.Status.PROCESSED);
        assertThat(lines).anyMatch(l -> l.contains("\"outcome\":\"failed\"") && l.contains("OutOfMemoryError"));
    }

    @Test
    void aServiceThatCannotBeBuiltFailsTheEventNotTheCaller() {
        EventRunner runner = new EventRunner(() -> {
            throw new IllegalStateException("no configuration");
        }, EventLog.NONE);

        EventResult result = runner.run(created("runner/any.jpg"));

        assertThat(result).isInstanceOfSatisfying(EventResult.Failed.class,
                f -> assertThat(f.failure().getMessage()).contains("s3://incoming/runner/any.jpg", "no configuration"));
    }

    @Test
    void twoEventsOfOneKeyNeverRunAtOnceButOtherKeysDo() throws Exception {
        String key = "runner/one-at-a-time.jpg";
        s3.put("incoming", key, TestImages.jpeg(640, 480));
        s3.put("incoming", "runner/other.jpg", TestImages.jpeg(640, 480));
        GatedStore gated = GatedStore.after(new S3ObjectStore(s3.s3), "head", "incoming", key);
        AtomicInteger started = new AtomicInteger();
        EventRunner runner = new EventRunner(() -> {
            started.incrementAndGet();
            return service(gated);
        }, EventLog.NONE);
        CompletableFuture<EventResult> put = CompletableFuture.supplyAsync(() -> runner.run(created(key)));
        gated.awaitPaused();
        Thread delete = Thread.ofPlatform().start(() -> runner.run(removed(key)));
        while (delete.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }

        EventResult other = runner.run(created("runner/other.jpg"));
        assertThat(started.get()).isEqualTo(2);
        gated.release();
        delete.join(30_000);

        assertThat(other).isInstanceOf(EventResult.Handled.class);
        assertThat(put.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(EventResult.Handled.class,
                h -> assertThat(h.outcome().status()).isEqualTo(Outcome.Status.PROCESSED));
        assertThat(started.get()).isEqualTo(3);
        assertThat(s3.head("resized", "thumb/" + key)).isNotNull();
    }

    /** Throws what a real server cannot make a JVM throw on demand: an OutOfMemoryError while reading one key. */
    record OutOfMemoryOnGet(ObjectStore delegate, String key) implements ForwardingStore {
        @Override
        public InputStream get(ObjectRef ref) {
            if (ref.key().equals(key)) {
                throw new OutOfMemoryError("Java heap space");
            }
            return delegate.get(ref);
        }
    }
}
