package dev.s3resizer.worker;

import java.time.Duration;

/** Exponential backoff with a cap: 1 s, 2 s, 4 s, ... up to the cap, by attempt number (1-based). */
record Backoff(Duration base, Duration cap) {

    Duration delay(int attempt) {
        int shift = Math.max(0, Math.min(30, attempt - 1));
        long millis = Math.min(cap.toMillis(), base.toMillis() << shift);
        return Duration.ofMillis(millis);
    }
}
