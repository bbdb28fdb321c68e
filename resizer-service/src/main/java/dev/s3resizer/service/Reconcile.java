package dev.s3resizer.service;

import dev.s3resizer.service.backfill.Backfill;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.StoredObject;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Catches up with what a server missed while it was stopped or killed, whose events lived only in
 * its memory: renditions whose source was deleted meanwhile are removed, then every source without
 * up-to-date renditions is processed ({@link Backfill}, which costs a HEAD per source already done).
 * Run when the local server starts; safe to run at any time, and again.
 *
 * <p>{@code Reconcile.Summary s = new Reconcile(service, store).run(4);}
 */
public final class Reconcile {

    /** @param orphansRemoved renditions removed because their source no longer exists */
    public record Summary(Backfill.Summary backfill, int orphansRemoved) {
    }

    private final ProcessService service;
    private final ObjectStore store;

    public Reconcile(ProcessService service, ObjectStore store) {
        this.service = service;
        this.store = store;
    }

    /** Removes the orphans, then brings every source up to date, {@code concurrency} at a time. */
    public Summary run(int concurrency) throws InterruptedException {
        int orphans = removeOrphans();
        Backfill.Summary backfill = new Backfill(service, store).run(new Backfill.Options("", false, concurrency, 0));
        return new Summary(backfill, orphans);
    }

    /**
     * Every object of the destination bucket carrying the rendition marker names its source; the
     * renditions of each source that is gone are removed as its removal event would have.
     */
    int removeOrphans() {
        String sourceBucket = service.config().source().bucket();
        Set<String> checked = new HashSet<>();
        int removed = 0;
        try (Stream<StoredObject> objects = store.list(service.config().destination().bucket(), "")) {
            for (StoredObject listed : (Iterable<StoredObject>) objects::iterator) {
                Optional<StoredObject> rendition = store.head(listed.ref());
                String sourceKey = rendition.map(r -> r.metadata().containsKey(RenditionMetadata.MARKER)
                        ? RenditionMetadata.sourceKey(r.metadata()) : null).orElse(null);
                if (sourceKey == null || !checked.add(sourceKey)) {
                    continue;
                }
                ObjectRef source = ObjectRef.of(sourceBucket, sourceKey);
                if (store.head(source).isEmpty()) {
                    removed += service.remove(source).written().size();
                }
            }
        }
        return removed;
    }
}
