package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.services.s3.S3Client;

/** Starting, stopping and restarting the endpoint, and how listener behaviour affects clients. */
class LocalS3ServerLifecycleIT {

    @TempDir
    Path dataDir;

    private final List<String> keys = new CopyOnWriteArrayList<>();

    @Test
    void putReturnsWhileTheListenerIsStillBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ObjectEventListener busy = event -> {
            await(release);
            keys.add(key(event));
        };
        try (LocalS3Server server = start(dataDir, busy); S3Client s3 = client(server)) {
            s3.putObject(b -> b.bucket("incoming").key("a.jpg"), RequestBody.fromString("x"));
            s3.putObject(b -> b.bucket("incoming").key("b.jpg"), RequestBody.fromString("y"));

            assertThat(keys).as("no event handled while the listener is blocked").isEmpty();
            release.countDown();
        }
        assertThat(keys).containsExactlyInAnyOrder("a.jpg", "b.jpg");
    }

    @Test
    void aThrowingListenerNeitherFailsTheWriteNorStopsLaterEvents() {
        ObjectEventListener flaky = event -> {
            if (key(event).startsWith("first")) {
                throw new IllegalStateException("processing failed");
            }
            keys.add(key(event));
        };
        try (LocalS3Server server = start(dataDir, flaky); S3Client s3 = client(server)) {
            s3.putObject(b -> b.bucket("incoming").key("first.jpg"), RequestBody.fromString("1"));
            s3.putObject(b -> b.bucket("incoming").key("second.jpg"), RequestBody.fromString("2"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket("incoming").key("first.jpg")).asUtf8String())
                    .isEqualTo("1");
        }
        assertThat(keys).containsExactly("second.jpg");
    }

    @Test
    void objectsAndBucketsSurviveARestartOnTheSameDataDirectory() {
        try (LocalS3Server server = start(dataDir, keysListener()); S3Client s3 = client(server)) {
            s3.putObject(b -> b.bucket("incoming").key("kept/photo 1.jpg"), RequestBody.fromString("kept"));
        }
        try (LocalS3Server server = start(dataDir, keysListener()); S3Client s3 = client(server)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("incoming").key("kept/photo 1.jpg")).asUtf8String())
                    .isEqualTo("kept");
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name())
                    .containsExactlyInAnyOrder("incoming", "resized");
        }
        assertThat(keys).containsExactly("kept/photo 1.jpg");
    }

    @Test
    void createsAMissingDataDirectoryAndRefusesOneThatIsAFile() throws Exception {
        Path nested = dataDir.resolve("a/b/data");
        try (LocalS3Server server = start(nested, keysListener())) {
            assertThat(server.port()).isPositive();
            assertThat(nested.resolve("incoming")).isDirectory();
        }
        Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> start(file, keysListener()))
                .isInstanceOf(LocalS3StartException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("--data");
    }

    @Test
    void aTakenPortFailsWithAMessageNamingThePort() {
        try (LocalS3Server first = start(dataDir, keysListener())) {
            LocalS3Options same = first.options().withPort(first.port()).withDataDir(dataDir.resolve("other"));
            assertThatThrownBy(() -> LocalS3Server.start(same, keysListener()))
                    .isInstanceOf(LocalS3StartException.class)
                    .hasMessageContaining(String.valueOf(first.port())).hasMessageContaining("--port");
        }
    }

    private ObjectEventListener keysListener() {
        return event -> keys.add(key(event));
    }

    private static LocalS3Server start(Path dir, ObjectEventListener listener) {
        return LocalS3Server.start(LocalS3Options.defaults().withPort(0).withDataDir(dir)
                .withBuckets(List.of("incoming", "resized")), listener);
    }

    private static S3Client client(LocalS3Server server) {
        return LocalS3Fixture.client(server.endpoint(), LocalS3Options.DEFAULT_SECRET_KEY);
    }

    private static String key(S3EventNotification event) {
        return event.getRecords().getFirst().getS3().getObject().getUrlDecodedKey();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
