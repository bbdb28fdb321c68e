package dev.s3resizer.service;

import dev.s3resizer.service.event.ObjectEvent;

/**
 * What running one event came to: handled (processed, up to date, skipped, removed) or failed.
 * A failure is a value here, never a thrown exception, so one bad image cannot stop its neighbours.
 */
public sealed interface EventResult {

    ObjectEvent event();

    /** Wall-clock milliseconds the event took, waiting for its key's turn excluded. */
    long millis();

    record Handled(ObjectEvent event, Outcome outcome, long millis) implements EventResult {
    }

    record Failed(ObjectEvent event, ObjectFailure failure, long millis) implements EventResult {
    }
}
