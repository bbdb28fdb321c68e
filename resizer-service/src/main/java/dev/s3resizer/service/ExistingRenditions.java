package dev.s3resizer.service;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.service.event.Sequencer;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.StoredObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object at a key where a rendition of one source may live, as one HEAD each found them,
 * and what their metadata says: made from which source version, for which event.
 */
final class ExistingRenditions {

    private final String sourceKey;
    private final List<Rendition> renditions;
    private final RenditionTargets targets;
    private final Map<String, StoredObject> byKey;

    private ExistingRenditions(String sourceKey, List<Rendition> renditions, RenditionTargets targets,
                               Map<String, StoredObject> byKey) {
        this.sourceKey = sourceKey;
        this.renditions = renditions;
        this.targets = targets;
        this.byKey = byKey;
    }

    static ExistingRenditions read(ObjectStore store, List<Rendition> renditions, RenditionTargets targets, String sourceKey) {
        Map<String, StoredObject> byKey = new LinkedHashMap<>();
        for (Rendition r : renditions) {
            for (ObjectRef candidate : targets.candidates(r, sourceKey)) {
                if (!byKey.containsKey(candidate.key())) {
                    store.head(candidate).ifPresent(o -> byKey.put(candidate.key(), o));
                }
            }
        }
        return new ExistingRenditions(sourceKey, renditions, targets, byKey);
    }

    /** The object at this destination key, or null. */
    StoredObject get(String key) {
        return byKey.get(key);
    }

    /** True when every rendition exists, made from this ETag of the source with the current spec. */
    boolean upToDate(String sourceETag) {
        if (sourceETag == null) {
            return false;
        }
        for (Rendition r : renditions) {
            boolean found = targets.candidates(r, sourceKey).stream()
                    .map(candidate -> byKey.get(candidate.key()))
                    .anyMatch(o -> o != null && RenditionMetadata.matches(o.metadata(), r, sourceKey, sourceETag));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** The latest event sequencer these renditions of the source record, or null when none records one. */
    Sequencer latestSequencer() {
        return RenditionMetadata.latestSequencer(byKey.values().stream().map(StoredObject::metadata).toList(), sourceKey);
    }
}
