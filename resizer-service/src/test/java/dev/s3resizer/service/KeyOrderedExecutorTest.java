package dev.s3resizer.service;

import dev.s3resizer.service.storage.ObjectRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KeyOrderedExecutorTest {

    @Test
    void tasksOfOneKeyRunOneAtATimeInSubmissionOrder() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        KeyOrderedExecutor executor = new KeyOrderedExecutor(4, "test-");
        try (executor) {
            for (int i = 0; i < 50; i++) {
                for (int k = 0; k < 20; k++) {
                    String key = "k" + k;
                    int index = i;
                    all.add(executor.submit(ObjectRef.of("incoming", key), () -> {
                        if (running.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.computeIfAbsent(key, x -> new ArrayList<>()).add(index);
                        Thread.yield();
                        running.get(key).decrementAndGet();
                    }));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        assertThat(executor.pendingKeys()).isZero();
        assertThat(overlaps.get()).isZero();
        assertThat(seen).hasSize(20).allSatisfy((key, order) ->
                assertThat(order).containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList()));
    }

    @Test
    void aBlockedKeyDoesNotHoldBackOtherKeys() throws Exception {
        CountDownLatch otherRan = new CountDownLatch(1);
        try (KeyOrderedExecutor executor = new KeyOrderedExecutor(2, "test-")) {
            CompletableFuture<Void> blocked = executor.submit(ObjectRef.of("incoming", "slow.jpg"), () -> {
                try {
                    assertThat(otherRan.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            executor.submit(ObjectRef.of("incoming", "fast.jpg"), otherRan::countDown);

            blocked.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheNextOfItsKey() throws Exception {
        AtomicInteger after = new AtomicInteger();
        try (KeyOrderedExecutor executor = new KeyOrderedExecutor(1, "test-")) {
            executor.submit(ObjectRef.of("incoming", "a.jpg"), () -> {
                throw new IllegalStateException("boom");
            });
            executor.submit(ObjectRef.of("incoming", "a.jpg"), after::incrementAndGet).get(30, TimeUnit.SECONDS);
            executor.close(Duration.ofSeconds(5));
        }
        assertThat(after.get()).isEqualTo(1);
    }
}
