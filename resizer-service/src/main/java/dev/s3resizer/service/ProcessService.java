package dev.s3resizer.service;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.ImageTooLargeException;
import dev.s3resizer.core.MemoryBudget;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.event.Sequencer;
import dev.s3resizer.service.failure.FailureRecords;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.PutOptions;
import dev.s3resizer.service.storage.StorageException;
import dev.s3resizer.service.storage.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Makes, refreshes or removes the renditions of one source object. Every adapter (Lambda, worker,
 * local server, backfill) calls this with the same {@link ObjectRef}. Safe to call twice: a source
 * whose renditions exist for its current ETag and spec is reported up to date and not re-read.
 *
 * <p>S3 delivers events at least once and out of order, and two deliveries of one key may run at
 * once in different processes. So the service always works from what the bucket holds now (a HEAD,
 * then the content), checks the source again after writing (gone: the renditions it wrote go; changed:
 * it processes the new content), skips an event older than the one the renditions record (the S3
 * sequencer), and removes renditions only while the source is absent, and never those made for a
 * later event.
 *
 * <p>{@code Outcome o = service.handle(event);}
 */
public final class ProcessService {

    /** How often a source that keeps changing while it is processed is processed again before a retry is left to the caller. */
    private static final int MAX_PASSES = 3;

    private final ResizerConfig config;
    private final ObjectStore store;
    private final ImageResizer resizer;
    private final MemoryBudget memory;
    private final RenditionTargets targets;
    private final FailureRecords failures;
    private final RenditionCleanup cleanup;
    private final ManifestWriter manifests;
    /** Decoding and encoding are CPU work: at most one per core at a time, however many requests wait on I/O. */
    private final Semaphore renderSlots = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    public ProcessService(ResizerConfig config, ObjectStore store) {
        this(config, store, MemoryBudget.forHeap());
    }

    /** @param memory what the images in flight may hold, inputs included (tests pass a small one) */
    ProcessService(ResizerConfig config, ObjectStore store, MemoryBudget memory) {
        this.config = config;
        this.store = store;
        this.memory = memory;
        this.resizer = new ImageResizer(config.limits(), config.reducingGap(), memory);
        this.targets = new RenditionTargets(config);
        this.failures = new FailureRecords(config, store, Clock.systemUTC());
        this.cleanup = new RenditionCleanup(config.renditions(), targets, store);
        this.manifests = new ManifestWriter(config, store, resizer, targets, Clock.systemUTC());
    }

    /** The failure records this service writes and clears. */
    public FailureRecords failures() {
        return failures;
    }

    public ResizerConfig config() {
        return config;
    }

    /** Dispatches an event: created objects are processed, removed ones have their renditions removed. */
    public Outcome handle(ObjectEvent event) {
        return switch (event.kind()) {
            case CREATED -> process(event.ref(), event.sequencer());
            case REMOVED -> remove(event.ref(), event.sequencer());
            case OTHER -> Outcome.skipped(event.ref(), Outcome.Status.SKIPPED, "event " + event.name() + " ignored");
        };
    }

    /** Makes every rendition of the source, unless they are up to date; for callers with no event (backfill, retries). */
    public Outcome process(ObjectRef source) {
        return process(source, null);
    }

    /**
     * Makes every rendition of the source as it is now, unless they are up to date or were made
     * for a later event of the key.
     *
     * @param sequencer the event's S3 sequencer, or null when there was no event
     * @throws ObjectFailure naming the object and the reason, when the source cannot be processed
     */
    public Outcome process(ObjectRef source, Sequencer sequencer) {
        Optional<String> notOurs = notOurs(source);
        if (notOurs.isPresent()) {
            return Outcome.skipped(source, Outcome.Status.SKIPPED, notOurs.get());
        }
        try {
            Outcome outcome = processCurrent(source, sequencer);
            for (int pass = 1; outcome.status() == Outcome.Status.PROCESSED; pass++) {
                Optional<StoredObject> now = store.head(source.plain());
                if (now.isEmpty()) {
                    return withdraw(outcome);
                }
                if (Objects.equals(now.get().ref().eTag(), outcome.source().eTag())) {
                    clearFailure(source);
                    return outcome;
                }
                if (pass == MAX_PASSES) {
                    throw new StorageException("the source changed " + MAX_PASSES
                            + " times while it was processed; the renditions may be stale until a retry", true, null);
                }
                outcome = processCurrent(source, sequencer);
            }
            return outcome;
        } catch (RuntimeException e) {
            ObjectFailure failure = failure(source, e);
            recordFailure(failure);
            throw failure;
        }
    }

    /**
     * Any exception becomes an {@link ObjectFailure} naming the object: an unexpected one (a bug, a
     * closed client) must still be reported per record and leave a failure record, not escape raw.
     */
    private static ObjectFailure failure(ObjectRef source, RuntimeException e) {
        if (e instanceof ObjectFailure f) {
            return f;
        }
        if (e instanceof ResizerException r) {
            return new ObjectFailure(source, r);
        }
        return new ObjectFailure(source, new ResizerException("unexpected " + e.getClass().getSimpleName() + ": "
                + e.getMessage(), true, e));
    }

    /** The renditions are written: a failure record left by an earlier attempt goes, and failing to remove it is no failure. */
    private void clearFailure(ObjectRef source) {
        if (!failures.enabled()) {
            return;
        }
        try {
            failures.clear(source);
        } catch (ResizerException e) {
            System.err.println("could not remove the failure record of " + source + ": " + e.getMessage());
        }
    }

    /** Writes the durable failure record; a store that cannot take it must not hide the original failure. */
    private void recordFailure(ObjectFailure failure) {
        if (!failures.enabled()) {
            return;
        }
        try {
            failures.record(failure);
        } catch (ResizerException | java.io.UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Deletes the renditions made from this source key; for callers with no event. */
    public Outcome remove(ObjectRef source) {
        return remove(source, null);
    }

    /**
     * Deletes the renditions made from this source key (only objects carrying our marker for it),
     * if the source is absent, keeping those made for a later event than this one. A source that
     * comes back while its renditions are deleted has them made again.
     *
     * @param sequencer the delete event's S3 sequencer, or null when there was no event
     */
    public Outcome remove(ObjectRef source, Sequencer sequencer) {
        Optional<String> notOurs = notOurs(source);
        if (notOurs.isPresent()) {
            return Outcome.skipped(source, Outcome.Status.SKIPPED, notOurs.get());
        }
        try {
            if (store.head(source.plain()).isPresent()) {
                return Outcome.skipped(source, Outcome.Status.SKIPPED,
                        "source exists (re-uploaded, or an older version was deleted); renditions kept");
            }
            RenditionCleanup.Result result = cleanup.delete(source.key(), metadata -> {
                Sequencer madeFor = RenditionMetadata.sequencer(metadata);
                return sequencer == null || madeFor == null || !madeFor.isAfter(sequencer);
            });
            if (!result.removed().isEmpty() && store.head(source.plain()).isPresent()) {
                Outcome remade = process(source.plain(), null);
                return new Outcome(remade.status(), remade.source(), "source re-uploaded while its renditions were"
                        + " removed; made again: " + remade.detail(), remade.written(), remade.bytesIn(), remade.timings());
            }
            if (result.kept() == 0) {
                manifests.remove(source);
            }
            clearFailure(source);
            String kept = result.kept() == 0 ? "" : ", " + result.kept() + " made for a later event kept";
            return new Outcome(Outcome.Status.REMOVED, source, result.removed().size() + " renditions removed" + kept,
                    result.removed(), 0, Map.of());
        } catch (RuntimeException e) {
            throw failure(source, e);
        }
    }

    /** The source was deleted while it was processed: the renditions just written from it go again. */
    private Outcome withdraw(Outcome written) {
        ObjectRef source = written.source();
        RenditionCleanup.Result result = cleanup.delete(source.key(),
                metadata -> Objects.equals(source.eTag(), RenditionMetadata.sourceETag(metadata)));
        manifests.remove(source);
        return new Outcome(Outcome.Status.SKIPPED, source, "source deleted while it was processed; "
                + result.removed().size() + " renditions written from it removed", List.of(), written.bytesIn(),
                written.timings());
    }

    /** True when every rendition exists, made from this ETag of the source with the current spec. */
    public boolean upToDate(ObjectRef source) {
        return existingRenditions(source.key()).upToDate(source.eTag()) && manifests.isCurrent(source);
    }

    private ExistingRenditions existingRenditions(String sourceKey) {
        return ExistingRenditions.read(store, config.renditions(), targets, sourceKey);
    }

    /** Why the object is not a source this configuration processes, or empty when it is. */
    public Optional<String> notOurs(ObjectRef ref) {
        if (targets.isOutputKey(ref.bucket(), ref.key())) {
            return Optional.of("key is where renditions are written; never a source");
        }
        if (!config.source().watches(ref.bucket(), ref.key())) {
            return Optional.of("outside the watched s3://" + config.source().bucket() + "/" + config.source().prefix());
        }
        return Optional.empty();
    }

    /** One pass over the source as the bucket holds it now. */
    private Outcome processCurrent(ObjectRef source, Sequencer sequencer) {
        Optional<StoredObject> head = store.head(source.plain());
        if (head.isEmpty()) {
            return Outcome.skipped(source, Outcome.Status.SKIPPED, "source no longer exists");
        }
        StoredObject current = head.get();
        if (RenditionMetadata.isRendition(current.metadata())) {
            return Outcome.skipped(source, Outcome.Status.SKIPPED, "object carries the rendition marker");
        }
        ExistingRenditions existing = existingRenditions(current.ref().key());
        if (existing.upToDate(current.ref().eTag()) && manifests.isCurrent(current.ref())) {
            return Outcome.skipped(current.ref(), Outcome.Status.UP_TO_DATE, "renditions up to date");
        }
        Sequencer later = existing.latestSequencer();
        if (sequencer != null && later != null && later.isAfter(sequencer)) {
            return Outcome.skipped(current.ref(), Outcome.Status.SKIPPED, "stale event: the renditions were made for"
                    + " a later event of this key (sequencer " + later + " after " + sequencer + ")");
        }
        return render(current.ref(), existing, sequencer);
    }

    private Outcome render(ObjectRef source, ExistingRenditions existing, Sequencer sequencer) {
        long maxBytes = config.limits().maxInputBytes();
        if (source.size() != null && source.size() > maxBytes) {
            throw new ImageTooLargeException("input is " + source.size() + " bytes, over the limit of " + maxBytes + " bytes");
        }
        if (source.size() != null && source.size() > memory.capacity()) {
            throw tooLargeForMemory(source.size());
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        byte[] bytes;
        try {
            bytes = read(source, Math.min(maxBytes, memory.capacity()));
        } catch (StorageException e) {
            if (store.head(source.plain()).isPresent()) {
                throw e;
            }
            return Outcome.skipped(source, Outcome.Status.SKIPPED, "source deleted before it was read");
        }
        long t1 = System.nanoTime();
        List<RenditionResult> results = renderBounded(bytes);
        long t2 = System.nanoTime();
        refuseCollisions(source, results, existing);
        List<Outcome.Written> written = new ArrayList<>();
        for (RenditionResult r : results) {
            ObjectRef target = targets.target(r.rendition(), source.key(), r.format());
            store.put(target, r.bytes(), new PutOptions(r.mediaType(), config.destination().cacheControl(),
                    RenditionMetadata.of(r.rendition(), source.key(), source.eTag(), sequencer)));
            written.add(new Outcome.Written(r.rendition().name(), target.key(), r.width(), r.height(), r.size()));
            removeOtherFormat(r, source, target, existing);
        }
        manifests.write(source, bytes, results);
        long t3 = System.nanoTime();
        timings.put("get", (t1 - t0) / 1_000_000);
        timings.put("render", (t2 - t1) / 1_000_000);
        timings.put("put", (t3 - t2) / 1_000_000);
        return new Outcome(Outcome.Status.PROCESSED, source, written.size() + " renditions", written, bytes.length, timings);
    }

    /** An {@code auto} rendition that changed format (PNG to JPEG) must not leave the old file behind. */
    private void removeOtherFormat(RenditionResult result, ObjectRef source, ObjectRef written,
                                   ExistingRenditions existing) {
        for (ObjectRef candidate : targets.candidates(result.rendition(), source.key())) {
            StoredObject other = existing.get(candidate.key());
            if (!candidate.key().equals(written.key()) && other != null
                    && source.key().equals(RenditionMetadata.sourceKey(other.metadata()))) {
                store.delete(candidate);
            }
        }
    }

    /** Refuses, before writing anything, to overwrite renditions that another source owns. */
    private void refuseCollisions(ObjectRef source, List<RenditionResult> results, ExistingRenditions existing) {
        for (RenditionResult r : results) {
            ObjectRef target = targets.target(r.rendition(), source.key(), r.format());
            StoredObject there = existing.get(target.key());
            String owner = there == null ? null : RenditionMetadata.sourceKey(there.metadata());
            if (owner != null && !owner.equals(source.key())) {
                throw new RenditionCollisionException("its " + r.rendition().name() + " rendition would overwrite "
                        + target + ", which belongs to s3://" + source.bucket() + "/" + owner
                        + "; a key template with the source's name, e.g. {rendition}/{dir}{name}.{ext}, keeps both");
            }
        }
    }
    private List<RenditionResult> renderBounded(byte[] bytes) {
        renderSlots.acquireUninterruptibly();
        try {
            return resizer.render(bytes, config.renditions());
        } finally {
            renderSlots.release();
        }
    }

    /** An input the memory budget could never hold with its decode, however small the limits allow it to be. */
    private ImageTooLargeException tooLargeForMemory(long size) {
        return new ImageTooLargeException("input is " + size + " bytes, more than the " + (memory.capacity() >> 20)
                + " MiB of memory this process allows for images; refused before reading it");
    }

    /** The object's bytes, refused from its stored length when over {@code maxBytes} and never read past it. */
    private byte[] read(ObjectRef source, long maxBytes) {
        try (InputStream in = store.get(source, maxBytes)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ImageTooLargeException("input is over the limit of " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new StorageException("S3 get of " + source + " failed while reading: " + e.getMessage(), true, e);
        }
    }
}
