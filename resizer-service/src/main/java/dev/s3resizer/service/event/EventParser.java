package dev.s3resizer.service.event;

import dev.s3resizer.service.storage.ObjectRef;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One parser for every shape an S3 notification arrives in: a direct S3 event (all records, not
 * only the first), the same inside an SNS envelope, an EventBridge event, or S3's
 * {@code s3:TestEvent} (no events). S3 event keys are URL-encoded with '+' for spaces and are
 * decoded here, by the SDK's event model; EventBridge keys arrive plain.
 *
 * <p>{@code List<ObjectEvent> events = EventParser.parse(json);}
 */
public final class EventParser {

    private static final JsonNodeParser JSON = JsonNodeParser.create();

    private EventParser() {
    }

    public static List<ObjectEvent> parse(String json) {
        JsonNode root;
        try {
            root = JSON.parse(json);
        } catch (RuntimeException e) {
            throw new EventParseException("event is not JSON: " + e.getMessage(), e);
        }
        if (!root.isObject()) {
            throw new EventParseException("event is not a JSON object", null);
        }
        Map<String, JsonNode> fields = root.asObject();
        if (fields.containsKey("Records")) {
            return fromS3Notification(json);
        }
        if (text(fields, "Type").equals("Notification") && fields.containsKey("Message")) {
            return parse(text(fields, "Message"));
        }
        if (text(fields, "source").equals("aws.s3") && fields.containsKey("detail")) {
            return fromEventBridge(fields);
        }
        if (text(fields, "Event").equals("s3:TestEvent")) {
            return List.of();
        }
        throw new EventParseException("event has no S3 Records, SNS Message or EventBridge aws.s3 detail (keys: "
                + fields.keySet() + ")", null);
    }

    private static List<ObjectEvent> fromS3Notification(String json) {
        S3EventNotification notification;
        try {
            notification = S3EventNotification.fromJson(json);
        } catch (RuntimeException e) {
            throw new EventParseException("malformed S3 event notification: " + e.getMessage(), e);
        }
        List<ObjectEvent> events = new ArrayList<>();
        if (notification.getRecords() == null) {
            return events;
        }
        for (S3EventNotificationRecord r : notification.getRecords()) {
            if (r.getS3() == null || r.getS3().getBucket() == null || r.getS3().getObject() == null) {
                throw new EventParseException("S3 event record " + r.getEventName() + " has no bucket or object", null);
            }
            var object = r.getS3().getObject();
            ObjectRef ref;
            try {
                ref = new ObjectRef(r.getS3().getBucket().getName(), object.getUrlDecodedKey(),
                        object.getVersionId(), object.getETag(), object.getSizeAsLong());
            } catch (RuntimeException e) {
                throw new EventParseException("S3 event record " + r.getEventName() + " names no usable object: "
                        + e.getMessage(), e);
            }
            events.add(new ObjectEvent(ObjectEvent.kindOf(r.getEventName()), ref, r.getEventName(),
                    Sequencer.of(object.getSequencer())));
        }
        return events;
    }

    private static List<ObjectEvent> fromEventBridge(Map<String, JsonNode> fields) {
        String type = text(fields, "detail-type");
        try {
            Map<String, JsonNode> detail = fields.get("detail").asObject();
            Map<String, JsonNode> bucket = detail.get("bucket").asObject();
            Map<String, JsonNode> object = detail.get("object").asObject();
            JsonNode size = object.get("size");
            ObjectRef ref = new ObjectRef(text(bucket, "name"), text(object, "key"),
                    emptyToNull(text(object, "version-id")), emptyToNull(text(object, "etag")),
                    size == null || size.isNull() ? null : Long.valueOf(size.asNumber()));
            return List.of(new ObjectEvent(ObjectEvent.kindOf(type), ref, type, Sequencer.of(text(object, "sequencer"))));
        } catch (RuntimeException e) {
            throw new EventParseException("EventBridge event '" + type + "' has no detail.bucket.name or detail.object.key: "
                    + e.getMessage(), e);
        }
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || !node.isString() ? "" : node.asString();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
