package dev.s3resizer.service;

import dev.s3resizer.service.storage.ObjectRef;

import java.util.List;
import java.util.Map;

/**
 * What handling one object did, for logs, metrics and command output.
 *
 * @param status   what happened
 * @param source   the source object
 * @param detail   why it was skipped, or a short summary
 * @param written  renditions written (or removed)
 * @param bytesIn  size of the source, 0 when not read
 * @param timings  milliseconds per stage: get, render, put
 */
public record Outcome(Status status, ObjectRef source, String detail, List<Written> written, long bytesIn,
                      Map<String, Long> timings) {

    public enum Status {
        /** Renditions were made and stored. */
        PROCESSED,
        /** Every rendition already exists for this source version and spec: nothing to do. */
        UP_TO_DATE,
        /** Not ours to process: outside the watched prefix, a rendition, or gone. */
        SKIPPED,
        /** The source was deleted and its renditions removed. */
        REMOVED
    }

    /** One rendition object. */
    public record Written(String rendition, String key, int width, int height, long bytes) {
    }

    public Outcome {
        written = List.copyOf(written);
        timings = Map.copyOf(timings);
    }

    static Outcome skipped(ObjectRef source, Status status, String detail) {
        return new Outcome(status, source, detail, List.of(), 0, Map.of());
    }

    public long bytesOut() {
        return written.stream().mapToLong(Written::bytes).sum();
    }
}
