package dev.s3resizer.service;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.placeholder.Placeholder;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.manifest.Manifest;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.PutOptions;
import dev.s3resizer.service.storage.StoredObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes each source's {@link Manifest} after all its renditions are stored (so a page that finds
 * a manifest finds every rendition it lists), and removes it with them. It carries the rendition
 * marker, so it is never taken as a source, and the source ETag and a hash of the rendition specs,
 * so a source is up to date only when its manifest is too.
 */
final class ManifestWriter {

    static final String MARKER_VALUE = "manifest";
    private static final String CACHE_CONTROL = "no-cache";

    private final ResizerConfig config;
    private final ObjectStore store;
    private final ImageResizer resizer;
    private final RenditionTargets targets;
    private final Clock clock;

    ManifestWriter(ResizerConfig config, ObjectStore store, ImageResizer resizer, RenditionTargets targets,
                   Clock clock) {
        this.config = config;
        this.store = store;
        this.resizer = resizer;
        this.targets = targets;
        this.clock = clock;
    }

    boolean enabled() {
        return !config.destination().manifestPrefix().isEmpty();
    }

    /** Writes the manifest of a source whose renditions ({@code results}) are all stored. */
    void write(ObjectRef source, byte[] sourceBytes, List<RenditionResult> results) {
        if (!enabled()) {
            return;
        }
        ImageInfo info = resizer.inspect(sourceBytes);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (RenditionResult r : results) {
            ObjectRef target = targets.target(r.rendition(), source.key(), r.format());
            entries.add(new Manifest.Entry(r.rendition().name(), target.bucket(), target.key(),
                    r.format().name().toLowerCase(java.util.Locale.ROOT), r.mediaType(), r.width(), r.height(),
                    r.size()));
        }
        RenditionResult smallest = results.stream()
                .min(Comparator.comparingLong(r -> (long) r.width() * r.height())).orElseThrow();
        Placeholder p = Placeholder.of(resizer, smallest.bytes());
        Manifest manifest = new Manifest(Manifest.SCHEMA_VERSION,
                new Manifest.Source(source.bucket(), source.key(), source.eTag() == null ? "" : source.eTag(),
                        sourceBytes.length, info.format().name().toLowerCase(java.util.Locale.ROOT),
                        info.format().mediaType(), info.displayWidth(), info.displayHeight()),
                entries, new Manifest.Placeholder(p.dataUri(), p.mediaType(), p.width(), p.height()),
                p.dominantColor(), clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        store.put(location(source.key()), manifest.toJson(), new PutOptions("application/json", CACHE_CONTROL,
                metadata(source)));
    }

    /** True when manifests are off, or the source's manifest was written for this ETag and these specs. */
    boolean isCurrent(ObjectRef source) {
        if (!enabled()) {
            return true;
        }
        Optional<StoredObject> there = store.head(location(source.key()));
        return there.isPresent() && source.eTag() != null
                && source.eTag().equals(there.get().metadata().get(RenditionMetadata.SOURCE_ETAG))
                && specsHash().equals(there.get().metadata().get(RenditionMetadata.SPEC_HASH))
                && source.key().equals(RenditionMetadata.sourceKey(there.get().metadata()));
    }

    /** Deletes the manifest of a removed source, when it is this source's; true when one was deleted. */
    boolean remove(ObjectRef source) {
        if (!enabled()) {
            return false;
        }
        ObjectRef location = location(source.key());
        Optional<StoredObject> there = store.head(location);
        if (there.isEmpty() || !source.key().equals(RenditionMetadata.sourceKey(there.get().metadata()))) {
            return false;
        }
        store.delete(location);
        return true;
    }

    ObjectRef location(String sourceKey) {
        return ObjectRef.of(config.destination().bucket(), config.destination().manifestKey(sourceKey));
    }

    private Map<String, String> metadata(ObjectRef source) {
        return Map.of(RenditionMetadata.MARKER, MARKER_VALUE,
                RenditionMetadata.SOURCE_KEY, URLEncoder.encode(source.key(), StandardCharsets.UTF_8),
                RenditionMetadata.SOURCE_ETAG, source.eTag() == null ? "" : source.eTag(),
                RenditionMetadata.SPEC_HASH, specsHash());
    }

    /** Changes when any rendition's spec, the pipeline or the manifest schema does. */
    private String specsHash() {
        StringBuilder all = new StringBuilder("manifest-v").append(Manifest.SCHEMA_VERSION);
        for (Rendition r : config.renditions()) {
            all.append('|').append(r.name()).append('=').append(RenditionMetadata.specHash(r));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
