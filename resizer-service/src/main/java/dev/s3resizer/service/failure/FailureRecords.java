package dev.s3resizer.service.failure;

import dev.s3resizer.service.ObjectFailure;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.PutOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and writes {@link FailureRecord}s at {@code <failedPrefix><source bucket>/<source key>.json}
 * in the destination bucket. Writing a record again counts another attempt.
 *
 * <p>{@code failures.record(failure); ... failures.list().forEach(System.out::println);}
 */
public final class FailureRecords {

    private static final String SUFFIX = ".json";

    private final ResizerConfig config;
    private final ObjectStore store;
    private final Clock clock;

    public FailureRecords(ResizerConfig config, ObjectStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** False when the configuration turned failure records off (empty prefix). */
    public boolean enabled() {
        return !config.destination().failedPrefix().isEmpty();
    }

    public ObjectRef location(ObjectRef source) {
        return ObjectRef.of(config.destination().bucket(),
                config.destination().failedPrefix() + source.bucket() + "/" + source.key() + SUFFIX);
    }

    /** Writes (or updates) the record of a failed source, and returns it. */
    public FailureRecord record(ObjectFailure failure) {
        ObjectRef source = failure.source();
        Instant now = clock.instant();
        Optional<FailureRecord> previous = read(location(source));
        FailureRecord record = new FailureRecord(source, failure.reason(), failure.retryable(),
                failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage(),
                previous.map(FailureRecord::firstFailed).orElse(now), now,
                previous.map(p -> p.attempts() + 1).orElse(1));
        store.put(location(source), record.toJson(), new PutOptions("application/json", "no-store", Map.of()));
        return record;
    }

    /** Removes the record of a source that has now succeeded; nothing happens when there is none. */
    public void clear(ObjectRef source) {
        store.delete(location(source));
    }

    /** Every failure record, in key order. */
    public Stream<FailureRecord> list() {
        return store.list(config.destination().bucket(), config.destination().failedPrefix())
                .filter(o -> o.ref().key().endsWith(SUFFIX))
                .map(o -> read(o.ref().plain()))
                .flatMap(Optional::stream);
    }

    private Optional<FailureRecord> read(ObjectRef ref) {
        if (store.head(ref).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = store.get(ref)) {
            return Optional.of(FailureRecord.fromJson(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read failure record " + ref, e);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
