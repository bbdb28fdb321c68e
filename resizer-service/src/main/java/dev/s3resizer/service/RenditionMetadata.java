package dev.s3resizer.service;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.service.event.Sequencer;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The user metadata written on every rendition: it marks the object as ours (so it is never taken
 * as a source, whatever the configuration says) and records the source version and spec it was
 * made from, which makes duplicate events and re-runs free. When the event that made it carried an
 * S3 sequencer, that is recorded too, so that a late, older event of the key is recognised as such.
 */
public final class RenditionMetadata {

    /** Present on every rendition; its value is the rendition name. */
    public static final String MARKER = "resizer-rendition";
    static final String SOURCE_KEY = "resizer-source-key";
    static final String SOURCE_ETAG = "resizer-source-etag";
    static final String SPEC_HASH = "resizer-spec-hash";
    static final String SOURCE_SEQUENCER = "resizer-source-sequencer";
    /** Bumped when the pipeline changes what it produces for the same spec. */
    static final String PIPELINE_VERSION = "1";

    private RenditionMetadata() {
    }

    static Map<String, String> of(Rendition rendition, String sourceKey, String sourceETag, Sequencer sequencer) {
        Map<String, String> metadata = new HashMap<>(Map.of(MARKER, rendition.name(),
                SOURCE_KEY, URLEncoder.encode(sourceKey, StandardCharsets.UTF_8),
                SOURCE_ETAG, sourceETag == null ? "" : sourceETag,
                SPEC_HASH, specHash(rendition)));
        if (sequencer != null) {
            metadata.put(SOURCE_SEQUENCER, sequencer.hex());
        }
        return Map.copyOf(metadata);
    }

    /** The ETag of the source version the rendition was made from, or null when unknown. */
    static String sourceETag(Map<String, String> metadata) {
        String eTag = metadata.get(SOURCE_ETAG);
        return eTag == null || eTag.isEmpty() ? null : eTag;
    }

    /**
     * The sequencer of the event that made the rendition, or null when that event had none. The
     * content it was made from is at least that recent: it was read when the event was handled.
     */
    static Sequencer sequencer(Map<String, String> metadata) {
        return Sequencer.of(metadata.get(SOURCE_SEQUENCER));
    }

    /** The latest sequencer recorded by any of these objects that are renditions of the source key, or null. */
    static Sequencer latestSequencer(Collection<Map<String, String>> metadata, String sourceKey) {
        return metadata.stream()
                .filter(m -> sourceKey.equals(sourceKey(m)))
                .map(RenditionMetadata::sequencer)
                .filter(Objects::nonNull)
                .max(Sequencer::compareTo)
                .orElse(null);
    }

    /** True when the stored metadata says it was made from this source version with this spec. */
    static boolean matches(Map<String, String> metadata, Rendition rendition, String sourceKey, String sourceETag) {
        return sourceETag != null
                && sourceETag.equals(metadata.get(SOURCE_ETAG))
                && specHash(rendition).equals(metadata.get(SPEC_HASH))
                && sourceKey.equals(sourceKey(metadata));
    }

    static String sourceKey(Map<String, String> metadata) {
        String encoded = metadata.get(SOURCE_KEY);
        return encoded == null ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    public static boolean isRendition(Map<String, String> metadata) {
        return metadata.containsKey(MARKER);
    }

    /** A short stable hash of everything that shapes the output: the spec and the pipeline version. */
    public static String specHash(Rendition rendition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((PIPELINE_VERSION + "|" + rendition.spec()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
