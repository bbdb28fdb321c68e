package dev.s3resizer.core.color;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Profiles are read once per distinct content, and the least recently used go first. */
class ProfileCacheTest {

    @Test
    void equalBytesInAnotherArrayAreTheSameProfile() {
        ProfileCache<String> cache = new ProfileCache<>(4);
        AtomicInteger made = new AtomicInteger();

        String first = cache.get(new byte[] {1, 2, 3}, b -> "made " + made.incrementAndGet());
        String again = cache.get(new byte[] {1, 2, 3}, b -> "made " + made.incrementAndGet());
        String other = cache.get(new byte[] {1, 2, 4}, b -> "made " + made.incrementAndGet());

        assertThat(first).isEqualTo("made 1").isSameAs(again);
        assertThat(other).isEqualTo("made 2");
    }

    @Test
    void beyondCapacityTheLeastRecentlyUsedIsMadeAgain() {
        ProfileCache<Integer> cache = new ProfileCache<>(2);
        AtomicInteger made = new AtomicInteger();

        cache.get(new byte[] {1}, b -> made.incrementAndGet());
        cache.get(new byte[] {2}, b -> made.incrementAndGet());
        cache.get(new byte[] {1}, b -> made.incrementAndGet());
        cache.get(new byte[] {3}, b -> made.incrementAndGet());

        assertThat(cache.get(new byte[] {1}, b -> made.incrementAndGet())).isEqualTo(1);
        assertThat(cache.get(new byte[] {2}, b -> made.incrementAndGet())).isEqualTo(4);
    }
}
