package dev.s3resizer.service;

import dev.s3resizer.core.Rendition;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The user metadata written on every rendition: it marks the object as ours (so it is never taken
 * as a source, whatever the configuration says) and records the source version and spec it was
 * made from, which makes duplicate events and re-runs free.
 */
public final class RenditionMetadata {

    /** Present on every rendition; its value is the rendition name. */
    public static final String MARKER = "resizer-rendition";
    static final String SOURCE_KEY = "resizer-source-key";
    static final String SOURCE_ETAG = "resizer-source-etag";
    static final String SPEC_HASH = "resizer-spec-hash";
    /** Bumped when the pipeline changes what it produces for the same spec. */
    static final String PIPELINE_VERSION = "1";

    private RenditionMetadata() {
    }

    static Map<String, String> of(Rendition rendition, String sourceKey, String sourceETag) {
        return Map.of(MARKER, rendition.name(),
                SOURCE_KEY, URLEncoder.encode(sourceKey, StandardCharsets.UTF_8),
                SOURCE_ETAG, sourceETag == null ? "" : sourceETag,
                SPEC_HASH, specHash(rendition));
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
