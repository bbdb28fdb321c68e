package dev.s3resizer.cli.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What this {@code serve} session handled, newest first, bounded to the last {@code capacity}
 * events, with totals over the whole session and listeners told of each new entry.
 */
public final class ActivityLog {

    /** Session totals; times are over the processed images only. */
    public record Totals(long images, long failures, long bytesIn, long bytesOut, long medianMillis, long p95Millis) {
    }

    private final int capacity;
    private final Deque<Activity> recent = new ArrayDeque<>();
    private final List<Long> processedMillis = new ArrayList<>();
    private final List<Consumer<Activity>> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;
    private long failures;
    private long bytesIn;
    private long bytesOut;

    public ActivityLog(int capacity) {
        this.capacity = capacity;
    }

    /** Records an entry (its id is assigned here) and tells the listeners. */
    public Activity add(Activity entry) {
        Activity numbered;
        synchronized (this) {
            numbered = new Activity(nextId++, entry.time(), entry.bucket(), entry.key(), entry.status(), entry.detail(),
                    entry.reason(), entry.millis(), entry.bytesIn(), entry.renditions());
            recent.addFirst(numbered);
            if (recent.size() > capacity) {
                recent.removeLast();
            }
            if (numbered.failed()) {
                failures++;
            } else if ("processed".equals(numbered.status())) {
                processedMillis.add(numbered.millis());
                bytesIn += numbered.bytesIn();
                bytesOut += numbered.bytesOut();
            }
        }
        listeners.forEach(l -> l.accept(numbered));
        return numbered;
    }

    /** The kept entries, newest first. */
    public synchronized List<Activity> recent() {
        return List.copyOf(recent);
    }

    /** Times of the processed images in the order they finished, for the chart. */
    public synchronized List<Long> processedMillis() {
        return List.copyOf(processedMillis);
    }

    public synchronized Totals totals() {
        List<Long> sorted = new ArrayList<>(processedMillis);
        sorted.sort(null);
        return new Totals(sorted.size(), failures, bytesIn, bytesOut, percentile(sorted, 50), percentile(sorted, 95));
    }

    /** Nearest-rank percentile; 0 when there is nothing yet. */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public void subscribe(Consumer<Activity> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<Activity> listener) {
        listeners.remove(listener);
    }
}
