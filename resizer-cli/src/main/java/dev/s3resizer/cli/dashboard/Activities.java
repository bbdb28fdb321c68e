package dev.s3resizer.cli.dashboard;

import dev.s3resizer.service.EventResult;
import dev.s3resizer.service.ObjectFailure;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.storage.ObjectRef;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Dashboard entries from what the service returned: an outcome or a failure. */
public final class Activities {

    private Activities() {
    }

    /** What the event runner reported. */
    public static Activity of(EventResult result, String destination) {
        return switch (result) {
            case EventResult.Handled h -> of(h.outcome(), destination, h.millis());
            case EventResult.Failed f -> failed(f.event().ref(), f.failure(), f.millis());
        };
    }

    /** An outcome; renditions are in {@code destination}, the bucket the configuration writes to. */
    public static Activity of(Outcome o, String destination, long millis) {
        String status = o.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
        List<Activity.Output> outputs = o.status() == Outcome.Status.PROCESSED
                ? o.written().stream().map(w -> new Activity.Output(w.rendition(), destination, w.key(),
                        w.width(), w.height(), w.bytes())).toList()
                : List.of();
        return new Activity(0, Instant.now(), o.source().bucket(), o.source().key(), status, o.detail(), null,
                millis, o.bytesIn(), outputs);
    }

    public static Activity failed(ObjectRef source, ObjectFailure f, long millis) {
        return new Activity(0, Instant.now(), source.bucket(), source.key(), "failed", f.getMessage(), f.reason(),
                millis, source.size() == null ? 0 : source.size(), List.of());
    }
}
