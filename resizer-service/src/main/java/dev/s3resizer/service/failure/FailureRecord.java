package dev.s3resizer.service.failure;

import dev.s3resizer.service.storage.ObjectRef;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Why a source could not be processed, and how often it was tried.
 *
 * @param source    the source object (with the ETag that failed)
 * @param reason    the failure class: unsupported, corrupt, too-large, storage, ...
 * @param retryable whether trying again may help without changing the source
 * @param message   the error for people
 * @param firstFailed when it first failed
 * @param lastFailed  when it last failed
 * @param attempts  how many times it failed
 */
public record FailureRecord(ObjectRef source, String reason, boolean retryable, String message,
                            Instant firstFailed, Instant lastFailed, int attempts) {

    private static final JsonNodeParser JSON = JsonNodeParser.create();

    public byte[] toJson() {
        JsonWriter w = JsonWriter.create();
        w.writeStartObject();
        w.writeFieldName("bucket").writeValue(source.bucket());
        w.writeFieldName("key").writeValue(source.key());
        w.writeFieldName("eTag").writeValue(source.eTag() == null ? "" : source.eTag());
        w.writeFieldName("reason").writeValue(reason);
        w.writeFieldName("retryable").writeValue(retryable);
        w.writeFieldName("message").writeValue(message);
        w.writeFieldName("firstFailed").writeValue(firstFailed.toString());
        w.writeFieldName("lastFailed").writeValue(lastFailed.toString());
        w.writeFieldName("attempts").writeValue(attempts);
        w.writeEndObject();
        return w.getBytes();
    }

    public static FailureRecord fromJson(byte[] json) {
        Map<String, JsonNode> f = JSON.parse(new String(json, StandardCharsets.UTF_8)).asObject();
        String eTag = text(f, "eTag");
        return new FailureRecord(new ObjectRef(text(f, "bucket"), text(f, "key"), null, eTag.isEmpty() ? null : eTag, null),
                text(f, "reason"), f.containsKey("retryable") && f.get("retryable").asBoolean(), text(f, "message"),
                Instant.parse(text(f, "firstFailed")), Instant.parse(text(f, "lastFailed")),
                Integer.parseInt(f.get("attempts").asNumber()));
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode n = fields.get(name);
        return n == null || n.isNull() ? "" : n.asString();
    }
}
