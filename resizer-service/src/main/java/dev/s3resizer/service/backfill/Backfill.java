package dev.s3resizer.service.backfill;

import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.EventResult;
import dev.s3resizer.service.EventRunner;
import dev.s3resizer.service.ObjectFailure;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Walks the watched bucket and brings every source's renditions up to date, with bounded
 * concurrency and an optional request rate. Interrupted and run again, it redoes nothing: up to
 * date sources cost only HEAD requests.
 *
 * <p>{@code Backfill.Summary s = new Backfill(service, store).run(new Backfill.Options("2024/", false, 4, 0));}
 */
public final class Backfill {

    /** How many listed keys may wait for processing. */
    static final int LIST_AHEAD = 100_000;

    /**
     * @param prefix      key prefix inside the watched prefix ("" for all)
     * @param dryRun      report what would be processed, write nothing
     * @param concurrency objects in flight at once
     * @param ratePerSecond objects started per second at most; 0 for no limit
     */
    public record Options(String prefix, boolean dryRun, int concurrency, double ratePerSecond) {
        public Options {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency: expected >= 1 but got " + concurrency);
            }
            if (ratePerSecond < 0) {
                throw new IllegalArgumentException("rate: expected >= 0 but got " + ratePerSecond);
            }
        }
    }

    /** The end result: the final progress and every failure. */
    public record Summary(Progress progress, List<ObjectFailure> failures) {
    }

    private final ProcessService service;
    private final EventRunner runner;
    private final ObjectStore store;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong upToDate = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final List<ObjectFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean listing = true;
    private volatile long startNanos = System.nanoTime();

    public Backfill(ProcessService service, ObjectStore store) {
        this.service = service;
        this.runner = new EventRunner(() -> service, EventLog.NONE);
        this.store = store;
    }

    /** What has happened so far; safe to call from another thread while {@link #run} goes on. */
    public Progress progress() {
        return new Progress(total.get(), done.get(), processed.get(), upToDate.get(), failures.size(),
                bytesIn.get(), bytesOut.get(), Duration.ofNanos(System.nanoTime() - startNanos), listing);
    }

    /**
     * Lists page by page on its own thread, up to {@link #LIST_AHEAD} keys ahead of the work, which
     * starts at once; the total (and so the ETA) is known as soon as the listing ends.
     */
    public Summary run(Options options) throws InterruptedException {
        startNanos = System.nanoTime();
        var source = service.config().source();
        String prefix = source.prefix() + options.prefix();
        BlockingQueue<Optional<ObjectRef>> listed = new LinkedBlockingQueue<>(LIST_AHEAD);
        RateLimit rate = new RateLimit(options.ratePerSecond());
        Semaphore slots = new Semaphore(options.concurrency());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> lister = pool.submit(() -> list(source.bucket(), prefix, listed));
            try {
                for (Optional<ObjectRef> next = listed.take(); next.isPresent(); next = listed.take()) {
                    ObjectRef ref = next.get();
                    slots.acquire();
                    rate.await();
                    pool.execute(() -> {
                        try {
                            one(ref, options.dryRun());
                        } finally {
                            slots.release();
                        }
                    });
                }
            } catch (InterruptedException e) {
                lister.cancel(true);
                throw e;
            }
            lister.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return new Summary(progress(), List.copyOf(failures));
    }

    /** Feeds the queue with every source under the prefix, then an empty marker (also after a failure). */
    private Void list(String bucket, String prefix, BlockingQueue<Optional<ObjectRef>> out) throws InterruptedException {
        try (var objects = store.list(bucket, prefix)) {
            for (var it = objects.iterator(); it.hasNext(); ) {
                ObjectRef ref = it.next().ref();
                if (service.notOurs(ref).isEmpty()) {
                    total.incrementAndGet();
                    out.put(Optional.of(ref));
                }
            }
        } finally {
            listing = false;
            if (!Thread.currentThread().isInterrupted()) {
                out.put(Optional.empty());
            }
        }
        return null;
    }

    /** Counts what a real run would do, reading only HEADs. */
    private void dryRun(ObjectRef ref) {
        try {
            if (service.upToDate(ref)) {
                upToDate.incrementAndGet();
            } else {
                processed.incrementAndGet();
            }
        } catch (ResizerException e) {
            failures.add(new ObjectFailure(ref, e));
        }
    }

    private void count(Outcome o) {
        switch (o.status()) {
            case PROCESSED -> {
                processed.incrementAndGet();
                bytesIn.addAndGet(o.bytesIn());
                bytesOut.addAndGet(o.bytesOut());
            }
            case UP_TO_DATE -> upToDate.incrementAndGet();
            default -> { }
        }
    }

    private void one(ObjectRef ref, boolean dryRun) {
        try {
            if (dryRun) {
                dryRun(ref);
                return;
            }
            switch (runner.run(new ObjectEvent(ObjectEvent.Kind.CREATED, ref, "Backfill"))) {
                case EventResult.Failed f -> failures.add(f.failure());
                case EventResult.Handled h -> count(h.outcome());
            }
        } finally {
            done.incrementAndGet();
        }
    }
}
