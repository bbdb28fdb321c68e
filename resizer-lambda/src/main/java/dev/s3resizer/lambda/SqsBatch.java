package dev.s3resizer.lambda;

import dev.s3resizer.service.event.EventParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event Lambda's SQS event source hands a function: {@code {"Records":[{"messageId":...,
 * "body":..., "eventSource":"aws:sqs", ...}]}}. Read with a streaming parser, only the fields the
 * handler uses, so no runtime serializer and no event model classes are involved.
 *
 * <p>{@code for (SqsBatch.Message m : SqsBatch.parse(json)) { EventParser.parse(m.body()); }}
 */
public final class SqsBatch {

    /** Shared by the response writer; it never closes the caller's stream. */
    static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final String SQS = "aws:sqs";

    /** One message: its id (what {@code batchItemFailures} names) and its body, an S3 notification in some envelope. */
    public record Message(String messageId, String body) {
    }

    private SqsBatch() {
    }

    /**
     * The messages of an SQS batch, in order.
     *
     * @throws EventParseException when the event is not JSON, or a record is not an SQS message with an id
     */
    public static List<Message> parse(byte[] json) {
        List<Message> messages = new ArrayList<>();
        List<Map<String, String>> records = records(json);
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> r = records.get(i);
            if (!SQS.equals(r.get("eventSource")) || r.get("messageId") == null) {
                throw new EventParseException("record " + i + " of the event is not an SQS message with a messageId"
                        + " (eventSource " + r.get("eventSource") + ")", null);
            }
            messages.add(new Message(r.get("messageId"), r.getOrDefault("body", "")));
        }
        return messages;
    }

    /** True when the event is an SQS batch: it has records, each from {@code aws:sqs}. */
    public static boolean isSqsBatch(byte[] json) {
        try {
            List<Map<String, String>> records = records(json);
            return !records.isEmpty() && records.stream().allMatch(r -> SQS.equals(r.get("eventSource")));
        } catch (EventParseException e) {
            return false;
        }
    }

    /** Each object of the top-level {@code Records} array, as its string-valued fields. */
    private static List<Map<String, String>> records(byte[] json) {
        List<Map<String, String>> records = new ArrayList<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the event");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("Records")) {
                    p.skipChildren();
                    continue;
                }
                expect(value, JsonToken.START_ARRAY, "Records");
                for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                    expect(t, JsonToken.START_OBJECT, "a record");
                    records.add(stringFields(p));
                }
            }
            return records;
        } catch (JacksonException e) {
            throw new EventParseException("event is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, String> stringFields(JsonParser p) {
        Map<String, String> fields = new HashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING) {
                fields.put(name, p.getString());
            } else {
                p.skipChildren();
            }
        }
        return fields;
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new EventParseException(what + " is not a JSON " + (expected == JsonToken.START_ARRAY ? "array" : "object")
                    + " (found " + actual + ")", null);
        }
    }
}
