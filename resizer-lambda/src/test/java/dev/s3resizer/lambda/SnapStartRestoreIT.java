package dev.s3resizer.lambda;

import dev.s3resizer.local.LocalS3Options;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda builds the handler during init, before the SnapStart snapshot; the container closes its
 * S3 client before the snapshot and opens a new one after restore. Handlers must use the new one.
 */
// sets the SDK's credential properties for the whole JVM: not at the same time as another class that does
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class SnapStartRestoreIT {

    @TempDir
    Path data;

    @Test
    void handlersBuiltBeforeTheSnapshotUseTheClientOpenedAfterRestore() throws Exception {
        try (S3Fixture s3 = new S3Fixture(data)) {
            System.setProperty("aws.accessKeyId", LocalS3Options.DEFAULT_ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", LocalS3Options.DEFAULT_SECRET_KEY);
            Container container = new Container(Map.of("AWS_ENDPOINT_URL_S3", s3.server.endpoint().toString(),
                    "AWS_REGION", "us-east-1"));
            S3EventHandler s3Handler = new S3EventHandler(container::service);
            SqsEventHandler sqsHandler = new SqsEventHandler(container::service);

            container.beforeCheckpoint(null);
            container.afterRestore(null);
            s3.put("incoming", "snap/one.jpg", TestImages.jpeg(640, 480));
            s3.put("incoming", "snap/two.jpg", TestImages.jpeg(640, 480));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s3Handler.handleRequest(new ByteArrayInputStream(event("snap/one.jpg").getBytes(StandardCharsets.UTF_8)), out, null);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            sqsHandler.handleRequest(new ByteArrayInputStream(TestEvents.sqsBatch(TestEvents.message("m-1",
                    event("snap/two.jpg"))).getBytes(StandardCharsets.UTF_8)), response, null);

            assertThat(out.toString(StandardCharsets.UTF_8)).contains("PROCESSED");
            assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
            assertThat(s3.head("resized", "thumb/snap/two.jpg")).isNotNull();
        }
    }

    private static String event(String key) {
        return "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"incoming\"},"
                + "\"object\":{\"key\":\"" + key + "\"}}}]}";
    }
}
