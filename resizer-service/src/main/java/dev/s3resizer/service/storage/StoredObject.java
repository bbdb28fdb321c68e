package dev.s3resizer.service.storage;

import java.util.Map;

/**
 * What a HEAD or listing says about an object.
 *
 * @param ref         bucket, key and the current ETag and size
 * @param contentType as stored, may be null
 * @param metadata    user metadata, keys lower-case without the {@code x-amz-meta-} prefix
 */
public record StoredObject(ObjectRef ref, String contentType, Map<String, String> metadata) {

    public StoredObject {
        metadata = Map.copyOf(metadata);
    }

    public long size() {
        return ref.size() == null ? -1 : ref.size();
    }
}
