package dev.s3resizer.service;

import dev.s3resizer.service.storage.ObjectRef;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the tasks of one object key one after another, in the order they were submitted, and the
 * tasks of different keys in parallel on a fixed pool. A put followed at once by a delete of the
 * same key is therefore handled put first, then delete, however many threads the pool has; and a
 * slow image holds back only later events of its own key.
 *
 * <p>{@code ordered.submit(event.ref(), () -> runner.run(event));}
 */
public final class KeyOrderedExecutor implements AutoCloseable {

    private final ExecutorService pool;
    /** The last task submitted per key that has not finished; a new task of the key starts after it. */
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public KeyOrderedExecutor(int threads, String threadName) {
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(threadName, 0).factory());
    }

    /** Queues the task behind the key's earlier ones; a task that fails does not stop the next. */
    public CompletableFuture<Void> submit(ObjectRef ref, Runnable task) {
        String key = EventRunner.keyOf(ref);
        AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>();
        tails.compute(key, (k, tail) -> {
            CompletableFuture<Void> after = tail == null ? CompletableFuture.completedFuture(null) : tail.exceptionally(e -> null);
            next.set(after.thenRunAsync(task, pool));
            return next.get();
        });
        next.get().whenComplete((v, e) -> tails.remove(key, next.get()));
        return next.get();
    }

    /** Number of keys with a task queued or running. */
    public int pendingKeys() {
        return tails.size();
    }

    /**
     * Waits up to {@code grace} for the queued tasks to finish, then stops the pool. Submitting
     * while closing is the caller's mistake: close once no more tasks can arrive.
     */
    public void close(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (!tails.isEmpty() && System.nanoTime() < deadline) {
                List<CompletableFuture<Void>> pending = List.copyOf(tails.values());
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // the grace is over: the pool is stopped below with what is left
        }
        pool.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
