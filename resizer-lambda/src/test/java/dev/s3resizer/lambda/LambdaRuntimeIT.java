package dev.s3resizer.lambda;

import dev.s3resizer.local.LocalS3Options;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.s3resizer.lambda.TestEvents.eventBridgeCreated;
import static dev.s3resizer.lambda.TestEvents.message;
import static dev.s3resizer.lambda.TestEvents.s3Put;
import static dev.s3resizer.lambda.TestEvents.sns;
import static dev.s3resizer.lambda.TestEvents.sqsBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code target/resizer-lambda.zip} under AWS's own Runtime Interface Client, as the
 * managed Java runtime runs it (see {@link RuntimeClientProcess}), one warm process per handler,
 * fed by a {@link RuntimeApiStandIn}, with S3 from the embedded server over HTTP. It proves what unit
 * tests of the handler classes cannot: that the zip carries every class the runtime's path through
 * the handler loads, and that the response bodies are the ones Lambda reads.
 */
class LambdaRuntimeIT {

    private static final Duration INVOKE_TIMEOUT = Duration.ofMinutes(3);
    private static final String PACKAGE = "dev.s3resizer.lambda.";
    private static final byte[] NOT_AN_IMAGE = "hello, not a picture".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static S3Fixture s3;
    static Function s3Handler;
    static Function sqsHandler;

    /** One function: its Runtime API and the runtime client process serving it. */
    record Function(RuntimeApiStandIn api, RuntimeClientProcess process) implements AutoCloseable {

        static Function start(Path taskRoot, String handler, Path log) throws Exception {
            RuntimeApiStandIn api = RuntimeApiStandIn.start();
            Map<String, String> env = Map.of(
                    "AWS_LAMBDA_RUNTIME_API", api.address(),
                    "AWS_REGION", LocalS3Options.DEFAULT_REGION,
                    "AWS_ACCESS_KEY_ID", LocalS3Options.DEFAULT_ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", LocalS3Options.DEFAULT_SECRET_KEY,
                    "AWS_ENDPOINT_URL_S3", s3.server.endpoint().toString(),
                    "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=4");
            return new Function(api, RuntimeClientProcess.start(taskRoot, handler, env,
                    List.of("-XX:+UseSerialGC", "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                            "--enable-native-access=ALL-UNNAMED"), log));
        }

        /** Sends one event and waits for its result, failing with the client's output when the process dies. */
        RuntimeApiStandIn.Result invoke(String event) throws Exception {
            CompletableFuture<RuntimeApiStandIn.Result> result = api.submit(event);
            long deadline = System.nanoTime() + INVOKE_TIMEOUT.toNanos();
            while (!result.isDone()) {
                if (!process.isAlive() || api.initError() != null || System.nanoTime() > deadline) {
                    throw new AssertionError("no result from the runtime client (init error: " + api.initError()
                            + "); its output:\n" + process.output());
                }
                try {
                    result.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // not yet: look at the process again
                }
            }
            assertThat(process.isAlive()).as("the runtime client keeps serving after an invocation").isTrue();
            return result.get();
        }

        @Override
        public void close() {
            process.close();
            api.close();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path zip = Path.of("target", "resizer-lambda.zip");
        assertThat(zip).as("the Lambda zip is built by 'package', before this integration test").exists();
        s3 = new S3Fixture(Files.createDirectories(dir.resolve("s3")));
        Path taskRoot = RuntimeClientProcess.unzip(zip, dir);
        String s3HandlerName = PACKAGE + "S3EventHandler::handleRequest";
        String sqsHandlerName = PACKAGE + "SqsEventHandler::handleRequest";
        assertThat(Path.of("..", "template.yaml")).as("the handler strings the SAM template deploys")
                .content().contains("- " + sqsHandlerName, "- " + s3HandlerName);
        s3Handler = Function.start(taskRoot, s3HandlerName, dir.resolve("s3-handler.log"));
        sqsHandler = Function.start(taskRoot, sqsHandlerName, dir.resolve("sqs-handler.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {s3Handler, sqsHandler, s3}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void s3HandlerMakesTheRenditionsOfEveryRecordOfADirectS3Event() throws Exception {
        s3.put("incoming", "ric/s3/summer day.jpg", TestImages.jpeg(1600, 1200));
        s3.put("incoming", "ric/s3/a+b.jpg", TestImages.jpeg(900, 1200));
        s3.put("incoming", "ric/s3/été.jpg", TestImages.jpeg(640, 480));

        var result = s3Handler.invoke(s3Put("incoming", "ric/s3/summer+day.jpg", "ric/s3/a%2Bb.jpg", "ric/s3/%C3%A9t%C3%A9.jpg"));

        assertThat(result.error()).as(result.body()).isFalse();
        assertThat(result.body()).contains("\"processed\":3", "\"failed\":0");
        assertThat(TestImages.size(s3.get("resized", "medium/ric/s3/summer day.jpg"))).containsExactly(1000, 750);
        assertThat(TestImages.size(s3.get("resized", "thumb/ric/s3/a+b.jpg"))).containsExactly(240, 320);
        assertThat(TestImages.size(s3.get("resized", "thumb/ric/s3/été.jpg"))).containsExactly(320, 240);
    }

    @Test
    void s3HandlerFailsTheInvocationForANonImageAndSkipsAMissingObject() throws Exception {
        s3.put("incoming", "ric/s3/notes.jpg", NOT_AN_IMAGE);
        s3.put("incoming", "ric/s3/fine.jpg", TestImages.jpeg(800, 600));

        var result = s3Handler.invoke(s3Put("incoming", "ric/s3/notes.jpg", "ric/s3/never-uploaded.jpg", "ric/s3/fine.jpg"));

        assertThat(result.error()).isTrue();
        assertThat(result.body()).contains("RecordsFailedException", "1 record(s) failed", "s3://incoming/ric/s3/notes.jpg")
                .doesNotContain("never-uploaded");
        assertThat(s3.head("resized", "thumb/ric/s3/fine.jpg")).isNotNull();
        assertThat(s3.keys("resized")).contains("failed/incoming/ric/s3/notes.jpg.json")
                .filteredOn(k -> !k.startsWith("failed/")).noneMatch(k -> k.contains("notes") || k.contains("never-uploaded"));
    }

    /**
     * Regression: while the handler took an {@code SQSEvent}, the runtime's serializer for it needed
     * Joda-Time, which the zip left out, and every SQS invocation failed with
     * {@code ClassNotFoundException: org.joda.time.DateTime}.
     */
    @Test
    void sqsHandlerRunsWithoutJodaTimeOnPlainSnsWrappedAndEventBridgeNotificationsInOneBatch() throws Exception {
        s3.put("incoming", "ric/sqs/plain one.jpg", TestImages.jpeg(1200, 800));
        s3.put("incoming", "ric/sqs/via-sns.jpg", TestImages.jpeg(1200, 800));
        s3.put("incoming", "ric/sqs/via eventbridge.jpg", TestImages.jpeg(600, 400));

        var result = sqsHandler.invoke(sqsBatch(
                message("m-plain", s3Put("incoming", "ric/sqs/plain+one.jpg")),
                message("m-sns", sns(s3Put("incoming", "ric/sqs/via-sns.jpg"))),
                message("m-eventbridge", eventBridgeCreated("incoming", "ric/sqs/via eventbridge.jpg")),
                message("m-test-event", "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"incoming\"}")));

        assertThat(result.error()).as(result.body()).isFalse();
        assertThat(result.body()).isEqualToIgnoringWhitespace("{\"batchItemFailures\":[]}");
        assertThat(TestImages.size(s3.get("resized", "medium/ric/sqs/plain one.jpg"))).containsExactly(1000, 667);
        assertThat(s3.head("resized", "large/ric/sqs/via-sns.jpg")).isNotNull();
        assertThat(s3.head("resized", "thumb/ric/sqs/via eventbridge.jpg")).isNotNull();
    }

    @Test
    void sqsHandlerReportsExactlyTheBadMessageAndTheNonImageAndSkipsAMissingObject() throws Exception {
        s3.put("incoming", "ric/sqs/good.jpg", TestImages.jpeg(900, 600));
        s3.put("incoming", "ric/sqs/readme.jpg", NOT_AN_IMAGE);

        var result = sqsHandler.invoke(sqsBatch(
                message("m-good", s3Put("incoming", "ric/sqs/good.jpg")),
                message("m-bad", "{\"hello\":\"this is no S3 notification\"}"),
                message("m-not-json", "<xml/>"),
                message("m-non-image", s3Put("incoming", "ric/sqs/readme.jpg")),
                message("m-missing", s3Put("incoming", "ric/sqs/gone.jpg"))));

        assertThat(result.error()).as(result.body()).isFalse();
        assertThat(result.body()).isEqualToIgnoringWhitespace("""
                {"batchItemFailures":[{"itemIdentifier":"m-bad"},{"itemIdentifier":"m-not-json"},{"itemIdentifier":"m-non-image"}]}""");
        assertThat(s3.head("resized", "thumb/ric/sqs/good.jpg")).isNotNull();
        assertThat(sqsHandler.process().output()).contains("m-bad", "s3://incoming/ric/sqs/readme.jpg");
    }
}
