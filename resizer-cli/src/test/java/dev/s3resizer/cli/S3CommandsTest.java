package dev.s3resizer.cli;

import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** backfill, failures and invoke against the embedded S3 server, with credentials from the standard chain. */
class S3CommandsTest {

    @TempDir
    static Path data;
    static S3Fixture s3;
    static String endpoint;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

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

    private int run(String... args) {
        CommandLine cli = ResizerCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
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
}
