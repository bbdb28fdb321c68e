package dev.s3resizer.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.event.EventParseException;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both Lambda handlers, run as Lambda runs them, against the embedded S3 server over HTTP. */
class HandlersIT {

    @TempDir
    static Path data;
    static S3Fixture s3;
    static ProcessService service;

    @BeforeAll
    static void start() {
        s3 = new S3Fixture(data);
        service = new ProcessService(ConfigLoader.load(null, Map.of()), new S3ObjectStore(s3.s3));
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    private static String s3Event(String... encodedKeys) {
        StringBuilder records = new StringBuilder();
        for (String key : encodedKeys) {
            records.append(records.isEmpty() ? "" : ",").append("""
                    {"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                     "s3":{"bucket":{"name":"incoming","arn":"arn:aws:s3:::incoming"},"object":{"key":"%s"}}}"""
                    .formatted(key));
        }
        return "{\"Records\":[" + records + "]}";
    }

    private static String invoke(RequestStreamHandler handler, String event)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void s3HandlerProcessesEveryRecordAndSkipsThemOnADuplicateDelivery() throws Exception {
        s3.put("incoming", "lambda/one photo.jpg", TestImages.jpeg(1600, 1200));
        s3.put("incoming", "lambda/two+two.jpg", TestImages.jpeg(1200, 1600));
        S3EventHandler handler = new S3EventHandler(service);
        String event = s3Event("lambda/one+photo.jpg", "lambda/two%2Btwo.jpg");

        String first = invoke(handler, event);
        String second = invoke(handler, event);

        assertThat(first).contains("\"processed\":2", "\"failed\":0", "PROCESSED");
        assertThat(second).contains("UP_TO_DATE").doesNotContain("PROCESSED");
        assertThat(s3.head("resized", "medium/lambda/one photo.jpg").contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.size(s3.get("resized", "thumb/lambda/two+two.jpg"))).containsExactly(240, 320);
    }

    @Test
    void s3HandlerFailsTheInvocationWhenARecordFailsAfterDoingTheOthers() throws Exception {
        s3.put("incoming", "lambda/good.jpg", TestImages.jpeg(800, 600));
        s3.put("incoming", "lambda/broken.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        S3EventHandler handler = new S3EventHandler(service);

        assertThatThrownBy(() -> invoke(handler, s3Event("lambda/broken.jpg", "lambda/good.jpg")))
                .isInstanceOf(RecordsFailedException.class)
                .hasMessageContaining("1 record(s) failed")
                .hasMessageContaining("s3://incoming/lambda/broken.jpg");
        assertThat(s3.head("resized", "thumb/lambda/good.jpg")).isNotNull();
        assertThat(s3.head("resized", "thumb/lambda/broken.jpg")).isNull();
    }

    @Test
    void sqsHandlerReportsOnlyTheBadMessage() throws Exception {
        s3.put("incoming", "sqs/fine.jpg", TestImages.jpeg(900, 600));
        s3.put("incoming", "sqs/text.jpg", "hello".getBytes(StandardCharsets.UTF_8));
        SqsEventHandler handler = new SqsEventHandler(service);

        String response = invoke(handler, TestEvents.sqsBatch(TestEvents.message("m-1", s3Event("sqs/fine.jpg")),
                TestEvents.message("m-2", s3Event("sqs/text.jpg")),
                TestEvents.message("m-3", TestEvents.sns(s3Event("sqs/fine.jpg")))));

        assertThat(SqsBatchResponse.parse(response.getBytes(StandardCharsets.UTF_8)).failedMessageIds())
                .containsExactly("m-2");
        assertThat(s3.head("resized", "large/sqs/fine.jpg")).isNotNull();
    }

    @Test
    void sqsHandlerReportsAMalformedEventBridgeMessageAloneInsteadOfFailingTheBatch() throws Exception {
        s3.put("incoming", "sqs/neighbour.jpg", TestImages.jpeg(900, 600));
        SqsEventHandler handler = new SqsEventHandler(service);

        String response = invoke(handler, TestEvents.sqsBatch(
                TestEvents.message("m-bad", "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{}}"),
                TestEvents.message("m-ok", s3Event("sqs/neighbour.jpg"))));

        assertThat(response).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-bad\"}]}");
        assertThat(s3.head("resized", "thumb/sqs/neighbour.jpg")).isNotNull();
    }

    @Test
    void sqsHandlerFailsTheInvocationForAnEventThatIsNoSqsBatch() {
        SqsEventHandler handler = new SqsEventHandler(service);

        assertThatThrownBy(() -> invoke(handler, s3Event("sqs/direct.jpg")))
                .isInstanceOf(EventParseException.class)
                .hasMessageContaining("record 0 of the event is not an SQS message");
    }
}
