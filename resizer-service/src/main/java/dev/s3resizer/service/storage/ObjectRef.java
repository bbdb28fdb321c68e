package dev.s3resizer.service.storage;

import java.util.Objects;

/**
 * A stored object, as events and listings name it. Version, ETag and size are known when the
 * event or listing carried them, null otherwise.
 *
 * <p>{@code ObjectRef.of("incoming", "photos/cat.jpg")}
 */
public record ObjectRef(String bucket, String key, String versionId, String eTag, Long size) {

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isBlank() || key.isEmpty()) {
            throw new IllegalArgumentException("object reference needs a bucket and a key, got s3://" + bucket + "/" + key);
        }
        eTag = eTag == null ? null : unquote(eTag);
    }

    public static ObjectRef of(String bucket, String key) {
        return new ObjectRef(bucket, key, null, null, null);
    }

    /** The same object without version, ETag or size. */
    public ObjectRef plain() {
        return of(bucket, key);
    }

    private static String unquote(String eTag) {
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
