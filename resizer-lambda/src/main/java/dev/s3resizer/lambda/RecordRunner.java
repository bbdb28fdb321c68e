package dev.s3resizer.lambda;

import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.ObjectFailure;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.log.MetricsLog;
import dev.s3resizer.service.log.OutcomeLog;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

import java.io.PrintStream;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs each event through the service, logging one JSON line per object and collecting failures. */
final class RecordRunner {

    private final Supplier<ProcessService> service;
    private final PrintStream log;
    private final MetricsLog metrics = new MetricsLog(Clock.systemUTC());

    RecordRunner(Supplier<ProcessService> service, PrintStream log) {
        this.service = service;
        this.log = log;
    }

    record Summary(List<Outcome> outcomes, List<ObjectFailure> failures) {
        String toJson() {
            JsonWriter w = JsonWriter.create();
            w.writeStartObject();
            w.writeFieldName("processed").writeValue(outcomes.size());
            w.writeFieldName("failed").writeValue(failures.size());
            w.writeFieldName("outcomes").writeStartArray();
            for (Outcome o : outcomes) {
                w.writeStartObject();
                w.writeFieldName("key").writeValue(o.source().key());
                w.writeFieldName("status").writeValue(o.status().name());
                w.writeFieldName("detail").writeValue(o.detail());
                w.writeEndObject();
            }
            for (ObjectFailure f : failures) {
                w.writeStartObject();
                w.writeFieldName("key").writeValue(f.source().key());
                w.writeFieldName("status").writeValue("FAILED");
                w.writeFieldName("detail").writeValue(f.getMessage());
                w.writeEndObject();
            }
            w.writeEndArray();
            w.writeEndObject();
            return new String(w.getBytes(), StandardCharsets.UTF_8);
        }
    }

    Summary runAll(List<ObjectEvent> events) {
        List<Outcome> outcomes = new ArrayList<>();
        List<ObjectFailure> failures = new ArrayList<>();
        for (ObjectEvent event : events) {
            long start = System.nanoTime();
            try {
                Outcome o = service.get().handle(event);
                outcomes.add(o);
                long ms = (System.nanoTime() - start) / 1_000_000;
                log.println(OutcomeLog.success(o, ms));
                log.println(metrics.outcome(o, ms));
            } catch (RuntimeException e) {
                ObjectFailure f = e instanceof ObjectFailure of ? of : new ObjectFailure(event.ref(),
                        e instanceof ResizerException r ? r : new ResizerException("unexpected " + e, true, e));
                failures.add(f);
                long ms = (System.nanoTime() - start) / 1_000_000;
                log.println(OutcomeLog.failure(event.ref(), f, ms));
                log.println(metrics.failure(f.reason(), ms));
            }
        }
        return new Summary(outcomes, failures);
    }
}
