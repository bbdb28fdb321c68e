package dev.s3resizer.service.config;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.Rendition;

import java.util.List;

/**
 * Everything the service needs to know; built by {@link ConfigLoader}, which validates it.
 *
 * @param source      where uploads arrive: bucket and an optional key prefix filter
 * @param destination where renditions go: bucket, key template, Cache-Control, failure prefix
 * @param renditions  what to make of each upload, in order
 * @param limits      bounds checked before decoding
 * @param reducingGap how much reduction JPEG shrink-on-load leaves to the filter (1.5 default; 2 as Pillow, libvips)
 */
public record ResizerConfig(Source source, Destination destination, List<Rendition> renditions, Limits limits,
                            double reducingGap) {

    public ResizerConfig {
        renditions = List.copyOf(renditions);
    }

    /** The local-mode default: incoming -> resized, thumb 320, medium 1000 (the seed's), large 2048. */
    public static ResizerConfig defaults() {
        return new ResizerConfig(new Source("incoming", ""),
                new Destination("resized", KeyTemplate.DEFAULT, Destination.DEFAULT_CACHE_CONTROL, "failed/"),
                List.of(Rendition.parse("thumb", "320"), Rendition.parse("medium", "1000"),
                        Rendition.parse("large", "2048")),
                Limits.DEFAULT, ImageResizer.DEFAULT_REDUCING_GAP);
    }

    /** @param prefix only keys starting with it are processed; empty means every key */
    public record Source(String bucket, String prefix) {
        public boolean watches(String bucketName, String key) {
            return bucket.equals(bucketName) && key.startsWith(prefix);
        }
    }

    /**
     * @param keyTemplate    where a rendition is stored, see {@link KeyTemplate}
     * @param cacheControl   Cache-Control header of every rendition
     * @param failedPrefix   where failure records are written in the destination bucket
     * @param manifestPrefix where each source's manifest is written in the destination bucket, as
     *                       {@code <prefix><source key>.json}; empty turns manifests off
     */
    public record Destination(String bucket, String keyTemplate, String cacheControl, String failedPrefix,
                              String manifestPrefix) {
        public static final String DEFAULT_CACHE_CONTROL = "public, max-age=31536000";
        public static final String DEFAULT_MANIFEST_PREFIX = "manifests/";

        /** With manifests at {@link #DEFAULT_MANIFEST_PREFIX}. */
        public Destination(String bucket, String keyTemplate, String cacheControl, String failedPrefix) {
            this(bucket, keyTemplate, cacheControl, failedPrefix, DEFAULT_MANIFEST_PREFIX);
        }

        /** Where the manifest of a source key is, or null when manifests are off. */
        public String manifestKey(String sourceKey) {
            return manifestPrefix.isEmpty() ? null : manifestPrefix + sourceKey + ".json";
        }
    }
}
