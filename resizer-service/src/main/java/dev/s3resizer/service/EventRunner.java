package dev.s3resizer.service;

import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.storage.ObjectRef;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one path every adapter (Lambda, worker, local server, backfill) takes for each event: wait
 * for the key's turn, time it, call the service, log it, and turn whatever went wrong into a
 * failure value naming the object. Nothing a single event throws escapes, not even an
 * {@link Error} such as an {@link OutOfMemoryError} from one huge image, so a pool thread or a
 * batch never dies of one object.
 *
 * <p>Within one process, two events of the same key never run at once (whatever thread they
 * arrive on); what happens across processes is settled by the service itself (see
 * {@link ProcessService}). Callers that also need arrival order per key, like the local server,
 * hand events to a {@link KeyOrderedExecutor}.
 *
 * <p>{@code BatchResult result = new EventRunner(() -> service, EventLog.json(System.out::println)).runAll(events);}
 */
public final class EventRunner {

    private static final int KEY_LOCKS = 256;

    private final Supplier<ProcessService> service;
    private final EventLog log;
    private final ReentrantLock[] keyLocks = new ReentrantLock[KEY_LOCKS];

    /**
     * @param service looked up for every event: a SnapStart restore replaces the Lambda's service
     * @param log     told about every event once it is done
     */
    public EventRunner(Supplier<ProcessService> service, EventLog log) {
        this.service = service;
        this.log = log;
        for (int i = 0; i < KEY_LOCKS; i++) {
            keyLocks[i] = new ReentrantLock();
        }
    }

    /** Runs the events one after another, in order; a failed one does not stop the rest. */
    public BatchResult runAll(List<ObjectEvent> events) {
        List<EventResult> results = new ArrayList<>(events.size());
        for (ObjectEvent event : events) {
            results.add(run(event));
        }
        return new BatchResult(results);
    }

    /** Runs one event once no other event of its key is running in this process. */
    public EventResult run(ObjectEvent event) {
        ReentrantLock lock = keyLocks[Math.floorMod(keyOf(event.ref()).hashCode(), KEY_LOCKS)];
        lock.lock();
        try {
            EventResult result = handle(event);
            report(result);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private EventResult handle(ObjectEvent event) {
        long start = System.nanoTime();
        try {
            Outcome outcome = service.get().handle(event);
            return new EventResult.Handled(event, outcome, millisSince(start));
        } catch (Throwable t) {
            return new EventResult.Failed(event, failure(event.ref(), t), millisSince(start));
        }
    }

    /** A log that fails (a closed stream, no memory left for the line) must not undo the event's result. */
    private void report(EventResult result) {
        try {
            log.record(result);
        } catch (Throwable t) {
            System.err.println("could not log the result for " + result.event().ref() + ": " + t);
        }
    }

    /** The failure as a value naming the object; anything not already ours is "unexpected" and retryable. */
    static ObjectFailure failure(ObjectRef ref, Throwable t) {
        if (t instanceof ObjectFailure f) {
            return f;
        }
        if (t instanceof ResizerException r) {
            return new ObjectFailure(ref, r);
        }
        return new ObjectFailure(ref, new ResizerException("unexpected " + t.getClass().getSimpleName() + ": "
                + t.getMessage(), true, t));
    }

    static String keyOf(ObjectRef ref) {
        return ref.bucket() + '/' + ref.key();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
