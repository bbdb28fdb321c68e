package dev.s3resizer.cli;

import dev.s3resizer.local.LocalS3Options;
import dev.s3resizer.service.EventResult;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.storage.S3Clients;
import dev.s3resizer.service.testing.GatedStore;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code serve} without a queue: the local endpoint's events run in per-key order, keys in parallel. */
class LocalProcessingIT {

    private static final int KEYS = 40;
    private static final String HELD = "order/held.jpg";

    /**
     * The put of the first key is held after its HEAD of the source until every other key is done, so
     * its delete, sent right after it, is certainly waiting; it must still run after the put.
     */
    @Test
    void aPutAndADeleteOfOneKeyBackToBackRunInThatOrderForEveryKey(@TempDir Path data) throws Exception {
        ResizerConfig config = ConfigLoader.load(null, Map.of());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("resizer", "resizer-secret"));
        LocalS3Options options = LocalS3Options.defaults().withPort(0).withDataDir(data)
                .withBuckets(List.of("incoming", "resized"));
        List<EventResult> results = new CopyOnWriteArrayList<>();
        AtomicReference<GatedStore> gate = new AtomicReference<>();
        byte[] photo = TestImages.jpeg(1200, 900);

        try (LocalStack stack = LocalStack.start(config, options, credentials, null, results::add,
                store -> {
                    gate.set(GatedStore.after(store, "head", "incoming", HELD));
                    return gate.get();
                });
             S3Client client = S3Clients.create(stack.server.endpoint(), "us-east-1", credentials)) {
            List<String> keys = new java.util.ArrayList<>(List.of(HELD));
            for (int i = 0; i < KEYS - 1; i++) {
                keys.add("order/photo-" + i + ".jpg");
            }
            for (String key : keys) {
                client.putObject(b -> b.bucket("incoming").key(key), RequestBody.fromBytes(photo));
                client.deleteObject(b -> b.bucket("incoming").key(key));
            }
            gate.get().awaitPaused();
            await().atMost(Duration.ofMinutes(4)).until(() -> results.size() >= 2 * KEYS - 2);
            gate.get().release();
            await().atMost(Duration.ofMinutes(4)).until(() -> results.size() >= 2 * KEYS);

            assertThat(results).hasSize(2 * KEYS).allMatch(r -> r instanceof EventResult.Handled);
            Map<String, List<ObjectEvent.Kind>> kindsByKey = results.stream().collect(Collectors.groupingBy(
                    r -> r.event().ref().key(), Collectors.mapping(r -> r.event().kind(), Collectors.toList())));
            assertThat(kindsByKey).hasSize(KEYS).allSatisfy((key, kinds) ->
                    assertThat(kinds).as(key).containsExactly(ObjectEvent.Kind.CREATED, ObjectEvent.Kind.REMOVED));
            assertThat(client.listObjectsV2(b -> b.bucket("resized")).contents()).isEmpty();
        }
    }
}
