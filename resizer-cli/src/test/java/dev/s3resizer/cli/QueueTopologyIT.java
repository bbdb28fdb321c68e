package dev.s3resizer.cli;

import dev.s3resizer.local.LocalS3Options;
import dev.s3resizer.local.LocalS3Server;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.S3Clients;
import dev.s3resizer.service.storage.S3ObjectStore;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code serve --queue}: the embedded S3 publishes to the embedded SQS queue, the in-process worker resizes. */
class QueueTopologyIT {

    @Test
    void uploadsTravelThroughTheQueueToTheWorker(@TempDir Path data) throws Exception {
        ResizerConfig config = ConfigLoader.load(null, Map.of());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("resizer", "resizer-secret"));
        LocalS3Options options = LocalS3Options.defaults().withPort(0).withDataDir(data)
                .withBuckets(List.of("incoming", "resized"));
        try (QueueTopology topology = new QueueTopology(0, "us-east-1", credentials);
             LocalS3Server server = LocalS3Server.start(options, ServeCommand.notifications(config, topology::publish));
             S3Client s3 = S3Clients.create(server.endpoint(), "us-east-1", credentials)) {
            topology.startWorker(new ProcessService(config, new S3ObjectStore(s3)), EventLog.NONE);

            s3.putObject(b -> b.bucket("incoming").key("queued/my photo.jpg"),
                    RequestBody.fromBytes(TestImages.jpeg(1600, 1200)));

            await().atMost(Duration.ofSeconds(30)).until(() -> s3.listObjectsV2(b -> b.bucket("resized")).keyCount() >= 4);
            assertThat(s3.listObjectsV2(b -> b.bucket("resized")).contents()).extracting(o -> o.key())
                    .containsExactlyInAnyOrder("large/queued/my photo.jpg", "medium/queued/my photo.jpg",
                            "thumb/queued/my photo.jpg", "manifests/queued/my photo.jpg.json");
            assertThat(topology.describe()).contains("resizer-events", "resizer-events-dlq");
        }
    }
}
