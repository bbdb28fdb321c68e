package dev.s3resizer.service.event;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventParserTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = EventParserTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesEveryRecordAndDecodesKeysAsAwsEncodesThem() throws IOException {
        List<ObjectEvent> events = EventParser.parse(fixture("put-encoded-keys.json"));

        assertThat(events).hasSize(3);
        assertThat(events.get(0).kind()).isEqualTo(ObjectEvent.Kind.CREATED);
        assertThat(events.get(0).ref().bucket()).isEqualTo("incoming");
        assertThat(events.get(0).ref().key()).isEqualTo("holiday photos/my cat (1).jpg");
        assertThat(events.get(0).ref().eTag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(events.get(0).ref().size()).isEqualTo(1024L);
        assertThat(events.get(1).ref().key()).isEqualTo("a+b%c été 写真.png");
        assertThat(events.get(1).ref().versionId()).isEqualTo("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
        assertThat(events.get(1).name()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(events.get(2).kind()).isEqualTo(ObjectEvent.Kind.REMOVED);
        assertThat(events.get(2).ref().key()).isEqualTo("old/gone.jpg");
    }

    @Test
    void unwrapsSnsEnvelope() throws IOException {
        JsonWriter w = JsonWriter.create();
        w.writeStartObject();
        w.writeFieldName("Type").writeValue("Notification");
        w.writeFieldName("MessageId").writeValue("22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        w.writeFieldName("TopicArn").writeValue("arn:aws:sns:us-east-1:123456789012:uploads");
        w.writeFieldName("Subject").writeValue("Amazon S3 Notification");
        w.writeFieldName("Message").writeValue(fixture("put-encoded-keys.json"));
        w.writeEndObject();

        List<ObjectEvent> events = EventParser.parse(new String(w.getBytes(), StandardCharsets.UTF_8));

        assertThat(events).extracting(e -> e.ref().key())
                .containsExactly("holiday photos/my cat (1).jpg", "a+b%c été 写真.png", "old/gone.jpg");
    }

    @Test
    void readsEventBridgeKeysPlain() throws IOException {
        List<ObjectEvent> events = EventParser.parse(fixture("eventbridge-created.json"));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ObjectEvent.Kind.CREATED);
            assertThat(e.ref().key()).isEqualTo("holiday photos/my cat (1).jpg");
            assertThat(e.ref().eTag()).isEqualTo("b1946ac92492d2347c6235b4d2611184");
            assertThat(e.ref().size()).isEqualTo(5L);
        });
    }

    @Test
    void ignoresS3TestEvent() throws IOException {
        assertThat(EventParser.parse(fixture("test-event.json"))).isEmpty();
    }

    @Test
    void rejectsWhatIsNotAnS3Event() {
        assertThatThrownBy(() -> EventParser.parse("{\"hello\": 1}"))
                .isInstanceOf(EventParseException.class).hasMessageContaining("hello");
        assertThatThrownBy(() -> EventParser.parse("not json"))
                .isInstanceOf(EventParseException.class).hasMessageContaining("not JSON");
    }
}
