package dev.s3resizer.cli;

import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** backfill, failures and invoke against the embedded S3 server, with credentials from the standard chain. */
// sets the SDK's credential properties for the whole JVM: not at the same time as another class that does
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class S3CommandsIT extends CapturedCommandLine {

    @TempDir
    static Path data;
    static S3Fixture s3;
    static String endpoint;

    @BeforeAll
    static void start() {
        s3 = new S3Fixture(data);
        endpoint = s3.server.endpoint().toString();
        System.setProperty("aws.accessKeyId", "resizer");
        System.setProperty("aws.secretAccessKey", "resizer-secret");
    }

    @AfterAll
    static void stop() {
        s3.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void backfillPrintsProgressAndSummaryAndFailuresRetrySucceedsOnceTheCauseIsFixed() {
        s3.put("incoming", "cli/a.jpg", TestImages.jpeg(900, 600));
        s3.put("incoming", "cli/b.jpg", TestImages.jpeg(600, 900));
        s3.put("incoming", "cli/broken.jpg", "this is not a jpeg".getBytes(StandardCharsets.UTF_8));

        int first = run("backfill", "--endpoint", endpoint, "--prefix", "cli/", "--progress-every", "1");

        assertThat(first).isEqualTo(1);
        assertThat(out.toString()).contains("backfill done: 3 listed, 2 processed, 0 up to date, 1 failed");
        assertThat(err.toString()).contains("failed  s3://incoming/cli/broken.jpg: not a supported image");

        assertThat(run("failures", "list", "--endpoint", endpoint)).isZero();
        assertThat(out.toString()).contains("s3://incoming/cli/broken.jpg  unsupported  attempts=1");

        s3.put("incoming", "cli/broken.jpg", TestImages.jpeg(500, 500));
        assertThat(run("failures", "retry", "--endpoint", endpoint)).isZero();
        assertThat(out.toString()).contains("1 fixed, 0 still failing");
        assertThat(s3.head("resized", "thumb/cli/broken.jpg")).isNotNull();
        assertThat(s3.keys("resized")).noneMatch(k -> k.startsWith("failed/") && k.contains("broken"));

        assertThat(run("backfill", "--endpoint", endpoint, "--prefix", "cli/")).isZero();
        assertThat(out.toString()).contains("backfill done: 3 listed, 0 processed, 3 up to date, 0 failed");
    }

    @Test
    void invokeRunsTheLambdaHandlerOnAnEventFile(@TempDir Path dir) throws Exception {
        s3.put("incoming", "invoke/my photo.jpg", TestImages.jpeg(1600, 1000));
        Path event = Files.writeString(dir.resolve("event.json"), """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"incoming"},"object":{"key":"invoke/my+photo.jpg"}}}]}""");

        int code = run("invoke", "--event", event.toString(), "--endpoint", endpoint);

        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"processed\":1", "PROCESSED");
        assertThat(TestImages.size(s3.get("resized", "medium/invoke/my photo.jpg"))).containsExactly(1000, 625);
    }

    @Test
    void invokeRunsTheSqsHandlerOnASavedSqsEventAndPrintsItsBatchItemFailures() throws Exception {
        s3.put("incoming", "invoke/sqs/plain one.jpg", TestImages.jpeg(1200, 800));
        s3.put("incoming", "invoke/sqs/via-sns.jpg", TestImages.jpeg(800, 1200));
        s3.put("incoming", "invoke/sqs/via eventbridge.jpg", TestImages.jpeg(640, 480));
        Path event = Path.of(getClass().getResource("/events/sqs-batch.json").toURI());

        int code = run("invoke", "--event", event.toString(), "--endpoint", endpoint);

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"c0ffee00-0000-4000-8000-000000000bad\"}]}");
        assertThat(err.toString()).contains("invoke failed: 1 of 4 message(s) reported for retry: c0ffee00-0000-4000-8000-000000000bad");
        assertThat(TestImages.size(s3.get("resized", "medium/invoke/sqs/plain one.jpg"))).containsExactly(1000, 667);
        assertThat(TestImages.size(s3.get("resized", "thumb/invoke/sqs/via-sns.jpg"))).containsExactly(213, 320);
        assertThat(s3.head("resized", "large/invoke/sqs/via eventbridge.jpg")).isNotNull();
    }

    @Test
    void invokeExitsZeroWhenNoMessageOfAnSqsBatchFailed(@TempDir Path dir) throws Exception {
        s3.put("incoming", "invoke/sqs/alone.jpg", TestImages.jpeg(500, 400));
        Path event = Files.writeString(dir.resolve("sqs.json"), """
                {"Records":[{"messageId":"m-1","eventSource":"aws:sqs","body":
                  "{\\"Records\\":[{\\"eventName\\":\\"ObjectCreated:Put\\",\\"s3\\":{\\"bucket\\":{\\"name\\":\\"incoming\\"},\\"object\\":{\\"key\\":\\"invoke/sqs/alone.jpg\\"}}}]}"}]}""");

        int code = run("invoke", "--event", event.toString(), "--endpoint", endpoint);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("{\"batchItemFailures\":[]}");
        assertThat(s3.head("resized", "thumb/invoke/sqs/alone.jpg")).isNotNull();
    }
}
