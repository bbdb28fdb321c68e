package dev.s3resizer.service.backfill;

/** Spaces starts evenly: at most {@code perSecond} per second; 0 means no limit. */
final class RateLimit {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimit(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    void await() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (next > now) {
            long wait = next - now;
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        next = Math.max(next, now) + intervalNanos;
    }
}
