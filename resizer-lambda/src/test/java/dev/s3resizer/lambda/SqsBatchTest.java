package dev.s3resizer.lambda;

import dev.s3resizer.service.event.EventParseException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.s3resizer.lambda.TestEvents.message;
import static dev.s3resizer.lambda.TestEvents.s3Put;
import static dev.s3resizer.lambda.TestEvents.sqsBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the SQS event and writing the batch response, without the runtime's serializer. */
class SqsBatchTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheIdAndBodyOfEveryMessageInOrderWhateverElseTheRecordsCarry() {
        String body = s3Put("incoming", "a+b \"quoted\".jpg");

        List<SqsBatch.Message> messages = SqsBatch.parse(bytes(sqsBatch(message("m-1", body), message("m-2", "{}"))));

        assertThat(messages).containsExactly(new SqsBatch.Message("m-1", body), new SqsBatch.Message("m-2", "{}"));
    }

    @Test
    void tellsAnSqsBatchFromTheNotificationsItCarries() {
        assertThat(SqsBatch.isSqsBatch(bytes(sqsBatch(message("m-1", "{}"))))).isTrue();
        assertThat(SqsBatch.isSqsBatch(bytes(s3Put("incoming", "a.jpg")))).isFalse();
        assertThat(SqsBatch.isSqsBatch(bytes(TestEvents.eventBridgeCreated("incoming", "a.jpg")))).isFalse();
        assertThat(SqsBatch.isSqsBatch(bytes("{\"Records\":[]}"))).isFalse();
        assertThat(SqsBatch.isSqsBatch(bytes("not json"))).isFalse();
    }

    @Test
    void refusesWhatIsNoSqsBatchNamingTheProblem() {
        assertThatThrownBy(() -> SqsBatch.parse(bytes("{\"Records\":[{\"eventSource\":\"aws:sqs\",")))
                .isInstanceOf(EventParseException.class).hasMessageStartingWith("event is not JSON");
        assertThatThrownBy(() -> SqsBatch.parse(bytes("[1]")))
                .isInstanceOf(EventParseException.class).hasMessageContaining("the event is not a JSON object");
        assertThatThrownBy(() -> SqsBatch.parse(bytes("{\"Records\":{}}")))
                .isInstanceOf(EventParseException.class).hasMessageContaining("Records is not a JSON array");
        assertThatThrownBy(() -> SqsBatch.parse(bytes("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}")))
                .isInstanceOf(EventParseException.class).hasMessageContaining("record 0 of the event is not an SQS message with a messageId");
    }

    @Test
    void writesTheBatchResponseLambdaReadsAndReadsItBack() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new SqsBatchResponse(List.of("m-2", "id with \"quotes\"")).write(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"},{\"itemIdentifier\":\"id with \\\"quotes\\\"\"}]}");
        assertThat(SqsBatchResponse.parse(out.toByteArray()).failedMessageIds()).containsExactly("m-2", "id with \"quotes\"");
        assertThat(SqsBatchResponse.parse(bytes("{\"batchItemFailures\":[]}")).failedMessageIds()).isEmpty();
    }
}
