package dev.s3resizer.service.backfill;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.service.config.KeyTemplate;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.PutOptions;
import dev.s3resizer.service.storage.StoredObject;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An object store that knows, from one listing of the output prefixes made before a backfill,
 * which renditions, manifests and failure records exist. A HEAD of an output key the listing did
 * not hold answers "absent", and a DELETE of one does nothing, without a request: on a first
 * backfill that saves the HEAD of every rendition key (two per {@code auto} rendition) and the
 * DELETE of a failure record that is not there, most of a source's requests. Keys written or
 * deleted through this store update what it knows; every other call goes to the store beneath.
 *
 * <p>An output another process writes after the listing is seen as absent, so it may be rendered
 * again (from the source as it is now, with the same result): the price of the saved requests,
 * and the same race a HEAD followed by a PUT always has, over a longer window. Outputs that cannot
 * be bounded by a key prefix, or more keys than {@code maxKeys}, leave the store as it is.
 *
 * <p>{@code ObjectStore store = ListedOutputs.over(s3Store, config, ListedOutputs.keysForHeap());}
 */
public final class ListedOutputs implements ObjectStore {

    private final ObjectStore store;
    private final String bucket;
    private final List<String> prefixes;
    private final Set<String> present;

    private ListedOutputs(ObjectStore store, String bucket, List<String> prefixes, Set<String> present) {
        this.store = store;
        this.bucket = bucket;
        this.prefixes = prefixes;
        this.present = present;
    }

    /**
     * Lists the configuration's output prefixes and returns a store that answers from the listing,
     * or {@code store} itself when an output key has no fixed prefix or the listing holds more
     * than {@code maxKeys} keys.
     */
    public static ObjectStore over(ObjectStore store, ResizerConfig config, int maxKeys) {
        Optional<List<String>> prefixes = outputPrefixes(config);
        if (prefixes.isEmpty()) {
            return store;
        }
        String bucket = config.destination().bucket();
        Set<String> present = ConcurrentHashMap.newKeySet();
        for (String prefix : prefixes.get()) {
            try (Stream<StoredObject> listed = store.list(bucket, prefix)) {
                for (var it = listed.iterator(); it.hasNext(); ) {
                    if (present.size() == maxKeys) {
                        return store;
                    }
                    present.add(it.next().ref().key());
                }
            }
        }
        return new ListedOutputs(store, bucket, prefixes.get(), present);
    }

    /** How many listed keys a backfill keeps: one per 4 KiB of the heap, a few percent of it. */
    public static int keysForHeap() {
        return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 4096);
    }

    /**
     * The key prefixes under which renditions, manifests and failure records are written, none
     * inside another, or empty when a rendition's key template starts with a placeholder.
     */
    static Optional<List<String>> outputPrefixes(ResizerConfig config) {
        KeyTemplate template = new KeyTemplate(config.destination().keyTemplate());
        List<String> all = new ArrayList<>();
        for (Rendition r : config.renditions()) {
            String fixed = template.fixedPrefix(r.name());
            if (fixed.isEmpty()) {
                return Optional.empty();
            }
            all.add(fixed);
        }
        for (String other : List.of(config.destination().failedPrefix(), config.destination().manifestPrefix())) {
            if (!other.isEmpty()) {
                all.add(other);
            }
        }
        List<String> outermost = all.stream().distinct()
                .filter(p -> all.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q)))
                .toList();
        return Optional.of(outermost);
    }

    private boolean knownAbsent(ObjectRef ref) {
        return ref.bucket().equals(bucket) && !present.contains(ref.key())
                && prefixes.stream().anyMatch(ref.key()::startsWith);
    }

    @Override
    public Optional<StoredObject> head(ObjectRef ref) {
        return knownAbsent(ref) ? Optional.empty() : store.head(ref);
    }

    @Override
    public InputStream get(ObjectRef ref) {
        return store.get(ref);
    }

    @Override
    public InputStream get(ObjectRef ref, long maxBytes) {
        return store.get(ref, maxBytes);
    }

    @Override
    public void put(ObjectRef target, byte[] body, PutOptions options) {
        store.put(target, body, options);
        if (target.bucket().equals(bucket)) {
            present.add(target.key());
        }
    }

    @Override
    public void delete(ObjectRef ref) {
        if (knownAbsent(ref)) {
            return;
        }
        store.delete(ref);
        if (ref.bucket().equals(bucket)) {
            present.remove(ref.key());
        }
    }

    @Override
    public Stream<StoredObject> list(String bucket, String prefix) {
        return store.list(bucket, prefix);
    }
}
