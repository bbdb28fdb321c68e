package dev.s3resizer.service.log;

import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.storage.ObjectRef;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Formats one JSON log line per object: key, outcome, renditions, bytes in and out, milliseconds
 * per stage; or the failure with its reason class and whether it will be retried.
 *
 * <p>{@code System.out.println(OutcomeLog.success(outcome, 42));}
 */
public final class OutcomeLog {

    private OutcomeLog() {
    }

    public static String success(Outcome o, long totalMs) {
        JsonWriter w = start("INFO", o.source());
        w.writeFieldName("outcome").writeValue(o.status().name().toLowerCase(java.util.Locale.ROOT));
        w.writeFieldName("detail").writeValue(o.detail());
        w.writeFieldName("bytesIn").writeValue(o.bytesIn());
        w.writeFieldName("bytesOut").writeValue(o.bytesOut());
        w.writeFieldName("renditions").writeStartArray();
        for (Outcome.Written r : o.written()) {
            w.writeStartObject();
            w.writeFieldName("name").writeValue(r.rendition());
            w.writeFieldName("key").writeValue(r.key());
            w.writeFieldName("width").writeValue(r.width());
            w.writeFieldName("height").writeValue(r.height());
            w.writeFieldName("bytes").writeValue(r.bytes());
            w.writeEndObject();
        }
        w.writeEndArray();
        w.writeFieldName("ms").writeStartObject();
        for (Map.Entry<String, Long> t : o.timings().entrySet()) {
            w.writeFieldName(t.getKey()).writeValue(t.getValue());
        }
        w.writeFieldName("total").writeValue(totalMs);
        w.writeEndObject();
        return finish(w);
    }

    public static String failure(ObjectRef source, ResizerException e, long totalMs) {
        JsonWriter w = start("ERROR", source);
        w.writeFieldName("outcome").writeValue("failed");
        w.writeFieldName("reason").writeValue(e.reason());
        w.writeFieldName("retryable").writeValue(e.retryable());
        w.writeFieldName("message").writeValue(e.getMessage());
        w.writeFieldName("ms").writeStartObject();
        w.writeFieldName("total").writeValue(totalMs);
        w.writeEndObject();
        return finish(w);
    }

    /** A warning about the adapter itself, not an object: a failed receive, a failed delete. */
    public static String warning(String event, String detail) {
        JsonWriter w = header("WARN");
        w.writeFieldName("event").writeValue(event);
        w.writeFieldName("detail").writeValue(detail);
        return finish(w);
    }

    /** A queue message whose body is no S3 notification at all. */
    public static String badMessage(String messageId, ResizerException e) {
        JsonWriter w = header("ERROR");
        w.writeFieldName("messageId").writeValue(messageId);
        w.writeFieldName("outcome").writeValue("failed");
        w.writeFieldName("reason").writeValue(e.reason());
        w.writeFieldName("message").writeValue(e.getMessage());
        return finish(w);
    }

    private static JsonWriter start(String level, ObjectRef source) {
        JsonWriter w = header(level);
        w.writeFieldName("bucket").writeValue(source.bucket());
        w.writeFieldName("key").writeValue(source.key());
        return w;
    }

    /** Opens a line with the fields every line has: time and level. */
    private static JsonWriter header(String level) {
        JsonWriter w = JsonWriter.create();
        w.writeStartObject();
        w.writeFieldName("time").writeValue(Instant.now().toString());
        w.writeFieldName("level").writeValue(level);
        return w;
    }

    private static String finish(JsonWriter w) {
        w.writeEndObject();
        return new String(w.getBytes(), StandardCharsets.UTF_8);
    }
}
