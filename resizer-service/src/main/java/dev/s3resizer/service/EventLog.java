package dev.s3resizer.service;

import dev.s3resizer.service.log.MetricsLog;
import dev.s3resizer.service.log.OutcomeLog;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Where the {@link EventRunner} reports each event once it is done. The standard one writes the
 * structured JSON line and the metrics line (CloudWatch Embedded Metric Format); a terminal may
 * prefer one line for people.
 *
 * <p>{@code new EventRunner(() -> service, EventLog.json(System.out::println));}
 */
@FunctionalInterface
public interface EventLog {

    /** Reports nothing: for callers that show progress their own way, such as backfill. */
    EventLog NONE = result -> { };

    void record(EventResult result);

    /** One JSON line per object, then its metrics line, both to {@code lines}. */
    static EventLog json(Consumer<String> lines) {
        MetricsLog metrics = new MetricsLog(Clock.systemUTC());
        return result -> {
            switch (result) {
                case EventResult.Handled h -> {
                    lines.accept(OutcomeLog.success(h.outcome(), h.millis()));
                    lines.accept(metrics.outcome(h.outcome(), h.millis()));
                }
                case EventResult.Failed f -> {
                    lines.accept(OutcomeLog.failure(f.event().ref(), f.failure(), f.millis()));
                    lines.accept(metrics.failure(f.failure().reason(), f.millis()));
                }
            }
        };
    }
}
