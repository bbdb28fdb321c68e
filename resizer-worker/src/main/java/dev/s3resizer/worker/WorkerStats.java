package dev.s3resizer.worker;

import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Counters reported on the worker's health line. */
final class WorkerStats {

    final AtomicLong received = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong processed = new AtomicLong();
    final AtomicLong upToDate = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong released = new AtomicLong();
    final AtomicLong extended = new AtomicLong();
    final AtomicLong bytesSaved = new AtomicLong();
    final AtomicLong receiveErrors = new AtomicLong();

    String healthLine(int inFlight, boolean running) {
        JsonWriter w = JsonWriter.create();
        w.writeStartObject();
        w.writeFieldName("time").writeValue(Instant.now().toString());
        w.writeFieldName("level").writeValue("INFO");
        w.writeFieldName("health").writeValue(running ? "running" : "stopping");
        w.writeFieldName("inFlight").writeValue(inFlight);
        field(w, "received", received);
        field(w, "deleted", deleted);
        field(w, "processed", processed);
        field(w, "upToDate", upToDate);
        field(w, "failed", failed);
        field(w, "released", released);
        field(w, "visibilityExtended", extended);
        field(w, "bytesSaved", bytesSaved);
        field(w, "receiveErrors", receiveErrors);
        w.writeEndObject();
        return new String(w.getBytes(), StandardCharsets.UTF_8);
    }

    private static void field(JsonWriter w, String name, AtomicLong value) {
        w.writeFieldName(name).writeValue(value.get());
    }
}
