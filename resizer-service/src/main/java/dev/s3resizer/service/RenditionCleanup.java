package dev.s3resizer.service;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.StoredObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Deletes the renditions of one source key: only objects carrying our marker for that key, and of
 * those only the ones the caller's rule allows (for example, not those made for a later event).
 */
final class RenditionCleanup {

    /** What was deleted, and how many renditions of the key the rule kept. */
    record Result(List<Outcome.Written> removed, int kept) {
    }

    private final List<Rendition> renditions;
    private final RenditionTargets targets;
    private final ObjectStore store;

    RenditionCleanup(List<Rendition> renditions, RenditionTargets targets, ObjectStore store) {
        this.renditions = renditions;
        this.targets = targets;
        this.store = store;
    }

    /** One HEAD per place a rendition may live, one DELETE per rendition of the key that {@code mayDelete} allows. */
    Result delete(String sourceKey, Predicate<Map<String, String>> mayDelete) {
        List<Outcome.Written> removed = new ArrayList<>();
        int kept = 0;
        for (Rendition r : renditions) {
            for (ObjectRef candidate : targets.candidates(r, sourceKey)) {
                Optional<StoredObject> existing = store.head(candidate);
                if (existing.isEmpty() || !sourceKey.equals(RenditionMetadata.sourceKey(existing.get().metadata()))) {
                    continue;
                }
                if (mayDelete.test(existing.get().metadata())) {
                    store.delete(candidate);
                    removed.add(new Outcome.Written(r.name(), candidate.key(), 0, 0, existing.get().size()));
                } else {
                    kept++;
                }
            }
        }
        return new Result(removed, kept);
    }
}
