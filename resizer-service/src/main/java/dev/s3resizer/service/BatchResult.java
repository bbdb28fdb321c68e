package dev.s3resizer.service;

import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The results of the events of one invocation or message, in event order.
 *
 * <p>{@code if (!runner.runAll(events).failures().isEmpty()) retryLater(message);}
 */
public record BatchResult(List<EventResult> results) {

    public BatchResult {
        results = List.copyOf(results);
    }

    public List<Outcome> outcomes() {
        return results.stream().map(r -> r instanceof EventResult.Handled h ? h.outcome() : null)
                .filter(o -> o != null).toList();
    }

    public List<ObjectFailure> failures() {
        return results.stream().map(r -> r instanceof EventResult.Failed f ? f.failure() : null)
                .filter(f -> f != null).toList();
    }

    /** A short JSON summary (counts and one entry per object), the S3 Lambda handler's response. */
    public String toJson() {
        JsonWriter w = JsonWriter.create();
        w.writeStartObject();
        w.writeFieldName("processed").writeValue(outcomes().size());
        w.writeFieldName("failed").writeValue(failures().size());
        w.writeFieldName("outcomes").writeStartArray();
        for (EventResult r : results) {
            w.writeStartObject();
            w.writeFieldName("key").writeValue(r.event().ref().key());
            switch (r) {
                case EventResult.Handled h -> {
                    w.writeFieldName("status").writeValue(h.outcome().status().name());
                    w.writeFieldName("detail").writeValue(h.outcome().detail());
                }
                case EventResult.Failed f -> {
                    w.writeFieldName("status").writeValue("FAILED");
                    w.writeFieldName("detail").writeValue(f.failure().getMessage());
                }
            }
            w.writeEndObject();
        }
        w.writeEndArray();
        w.writeEndObject();
        return new String(w.getBytes(), StandardCharsets.UTF_8);
    }
}
