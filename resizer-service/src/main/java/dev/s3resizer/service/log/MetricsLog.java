package dev.s3resizer.service.log;

import dev.s3resizer.service.Outcome;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * CloudWatch Embedded Metric Format lines: printed to stdout in Lambda, CloudWatch turns them into
 * metrics with no API call. Namespace {@code S3ImageResizer}, dimension {@code Outcome} (processed,
 * up_to_date, skipped, removed, or the failure reason such as corrupt or storage).
 *
 * <p>{@code System.out.println(metrics.outcome(outcome, 120));}
 */
public final class MetricsLog {

    public static final String NAMESPACE = "S3ImageResizer";

    private final Clock clock;

    public MetricsLog(Clock clock) {
        this.clock = clock;
    }

    /** Metrics of one handled object. */
    public String outcome(Outcome o, long durationMs) {
        boolean processed = o.status() == Outcome.Status.PROCESSED;
        return line(o.status().name().toLowerCase(java.util.Locale.ROOT), processed ? 1 : 0, 0,
                processed ? Math.max(0, o.bytesIn() - o.bytesOut()) : 0, durationMs);
    }

    /** Metrics of one failed object, by failure reason. */
    public String failure(String reason, long durationMs) {
        return line(reason, 0, 1, 0, durationMs);
    }

    private String line(String outcome, long processed, long failed, long bytesSaved, long durationMs) {
        JsonWriter w = JsonWriter.create();
        w.writeStartObject();
        w.writeFieldName("_aws").writeStartObject();
        w.writeFieldName("Timestamp").writeValue(clock.millis());
        w.writeFieldName("CloudWatchMetrics").writeStartArray().writeStartObject();
        w.writeFieldName("Namespace").writeValue(NAMESPACE);
        w.writeFieldName("Dimensions").writeStartArray().writeStartArray().writeValue("Outcome").writeEndArray().writeEndArray();
        w.writeFieldName("Metrics").writeStartArray();
        metric(w, "ImagesProcessed", "Count");
        metric(w, "Failures", "Count");
        metric(w, "BytesSaved", "Bytes");
        metric(w, "Duration", "Milliseconds");
        w.writeEndArray().writeEndObject().writeEndArray();
        w.writeEndObject();
        w.writeFieldName("Outcome").writeValue(outcome);
        w.writeFieldName("ImagesProcessed").writeValue(processed);
        w.writeFieldName("Failures").writeValue(failed);
        w.writeFieldName("BytesSaved").writeValue(bytesSaved);
        w.writeFieldName("Duration").writeValue(durationMs);
        w.writeEndObject();
        return new String(w.getBytes(), StandardCharsets.UTF_8);
    }

    private static void metric(JsonWriter w, String name, String unit) {
        w.writeStartObject();
        w.writeFieldName("Name").writeValue(name);
        w.writeFieldName("Unit").writeValue(unit);
        w.writeEndObject();
    }
}
