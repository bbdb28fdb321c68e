package dev.s3resizer.cli;

import dev.s3resizer.service.ObjectFailure;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.failure.FailureRecord;

import java.util.Locale;

/**
 * Processes a recorded failure again, for {@code resizer failures retry} and the dashboard's retry
 * button alike: a source that now succeeds (or is gone, or up to date) loses its record; one that
 * fails again has its record updated by the service.
 */
public final class FailureRetry {

    /** What the retry did: ok with the outcome, or the failure again. */
    public record Result(FailureRecord record, Outcome outcome, ObjectFailure failure, long millis) {
        public boolean ok() {
            return failure == null;
        }

        public String line() {
            return ok()
                    ? "ok      " + record.source() + "  " + outcome.status().name().toLowerCase(Locale.ROOT) + ": " + outcome.detail()
                    : "failed  " + failure.getMessage();
        }
    }

    private final ProcessService service;

    public FailureRetry(ProcessService service) {
        this.service = service;
    }

    public Result retry(FailureRecord record) {
        long start = System.nanoTime();
        try {
            Outcome o = service.process(record.source().plain());
            if (o.status() != Outcome.Status.PROCESSED) {
                service.failures().clear(record.source());
            }
            return new Result(record, o, null, (System.nanoTime() - start) / 1_000_000);
        } catch (ObjectFailure f) {
            return new Result(record, null, f, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
