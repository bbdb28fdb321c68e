package dev.s3resizer.service.backfill;

import java.time.Duration;

/**
 * A snapshot of a running backfill, for progress bars and log lines.
 *
 * @param total     objects listed so far (final once {@code listing} is false)
 * @param done      objects finished: processed, up to date, skipped or failed
 * @param processed objects whose renditions were written (or would be, in a dry run)
 * @param upToDate  objects whose renditions were already current
 * @param failed    objects that failed
 * @param bytesIn   source bytes read
 * @param bytesOut  rendition bytes written
 * @param elapsed   time since the start
 * @param listing   whether the listing is still going
 */
public record Progress(long total, long done, long processed, long upToDate, long failed, long bytesIn, long bytesOut,
                       Duration elapsed, boolean listing) {

    /** Finished objects per second. */
    public double rate() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : done / seconds;
    }

    /** Remaining time at the current rate, or null while unknown. */
    public Duration eta() {
        double rate = rate();
        if (listing || rate <= 0) {
            return null;
        }
        return Duration.ofSeconds((long) Math.ceil((total - done) / rate));
    }

    /** Bytes saved: source bytes read minus rendition bytes written. */
    public long bytesSaved() {
        return Math.max(0, bytesIn - bytesOut);
    }
}
