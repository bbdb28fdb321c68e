package dev.s3resizer.cli.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * One handled event as the dashboard shows it.
 *
 * @param id         increasing number, newest highest
 * @param time       when handling finished
 * @param bucket     source bucket
 * @param key        source key
 * @param status     processed, up-to-date, skipped, removed or failed
 * @param detail     a short summary, or the failure message
 * @param reason     the failure reason (corrupt, unsupported, ...), null unless failed
 * @param millis     time taken
 * @param bytesIn    size of the source, 0 when it was not read
 * @param renditions what was written
 */
public record Activity(long id, Instant time, String bucket, String key, String status, String detail, String reason,
                       long millis, long bytesIn, List<Output> renditions) {

    /** One rendition written for the source. */
    public record Output(String name, String bucket, String key, int width, int height, long bytes) {
    }

    public Activity {
        renditions = List.copyOf(renditions);
    }

    public boolean failed() {
        return "failed".equals(status);
    }

    public long bytesOut() {
        return renditions.stream().mapToLong(Output::bytes).sum();
    }
}
