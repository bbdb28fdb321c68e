package dev.s3resizer.lambda;

import dev.s3resizer.service.event.EventParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What an SQS-fed function answers with {@code ReportBatchItemFailures}:
 * {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}}. Lambda deletes the other
 * messages of the batch and makes the named ones visible again.
 *
 * <p>{@code new SqsBatchResponse(List.of(message.messageId())).write(output);}
 *
 * @param failedMessageIds the ids of the messages to retry, in batch order
 */
public record SqsBatchResponse(List<String> failedMessageIds) {

    public SqsBatchResponse {
        failedMessageIds = List.copyOf(failedMessageIds);
    }

    public void write(OutputStream out) {
        try (JsonGenerator g = SqsBatch.JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeName("batchItemFailures");
            g.writeStartArray();
            for (String id : failedMessageIds) {
                g.writeStartObject();
                g.writeStringProperty("itemIdentifier", id);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * Reads a response as Lambda does: the item identifiers of {@code batchItemFailures}.
     *
     * @throws EventParseException when it is not such a response
     */
    public static SqsBatchResponse parse(byte[] json) {
        List<String> ids = new ArrayList<>();
        try (JsonParser p = SqsBatch.JSON.createParser(ObjectReadContext.empty(), json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EventParseException("an SQS batch response is a JSON object", null);
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean failures = p.currentName().equals("batchItemFailures");
                if (p.nextToken() != JsonToken.START_ARRAY || !failures) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        boolean id = p.currentName().equals("itemIdentifier");
                        if (p.nextToken() == JsonToken.VALUE_STRING && id) {
                            ids.add(p.getString());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            return new SqsBatchResponse(ids);
        } catch (JacksonException e) {
            throw new EventParseException("SQS batch response is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
