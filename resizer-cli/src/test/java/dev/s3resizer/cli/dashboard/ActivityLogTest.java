package dev.s3resizer.cli.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityLogTest {

    private static Activity processed(String key, long ms, long in, long out) {
        return new Activity(0, Instant.now(), "incoming", key, "processed", "1 renditions", null, ms, in,
                List.of(new Activity.Output("thumb", "resized", "thumb/" + key, 320, 240, out)));
    }

    @Test
    void totalsCountProcessedImagesAndFailuresWithNearestRankPercentiles() {
        ActivityLog log = new ActivityLog(10);
        for (int i = 1; i <= 20; i++) {
            log.add(processed("p" + i + ".jpg", i * 10L, 1000, 100));
        }
        log.add(new Activity(0, Instant.now(), "incoming", "bad.txt", "failed", "not an image", "unsupported", 5, 13, List.of()));
        log.add(new Activity(0, Instant.now(), "incoming", "p1.jpg", "up-to-date", "nothing to do", null, 3, 0, List.of()));

        ActivityLog.Totals t = log.totals();
        assertThat(t.images()).isEqualTo(20);
        assertThat(t.failures()).isEqualTo(1);
        assertThat(t.bytesIn()).isEqualTo(20_000);
        assertThat(t.bytesOut()).isEqualTo(2_000);
        assertThat(t.medianMillis()).isEqualTo(100);
        assertThat(t.p95Millis()).isEqualTo(190);
        assertThat(log.processedMillis()).hasSize(20).startsWith(10L, 20L);
    }

    @Test
    void keepsTheNewestEntriesFirstUpToItsCapacityAndNumbersThem() {
        ActivityLog log = new ActivityLog(3);
        List<Long> told = new ArrayList<>();
        log.subscribe(a -> told.add(a.id()));
        for (int i = 1; i <= 5; i++) {
            log.add(processed("p" + i + ".jpg", 1, 1, 1));
        }
        assertThat(log.recent()).extracting(Activity::key).containsExactly("p5.jpg", "p4.jpg", "p3.jpg");
        assertThat(told).containsExactly(1L, 2L, 3L, 4L, 5L);
    }
}
