package dev.s3resizer.service.storage;

import java.util.Map;

/** Headers for a PUT: the real Content-Type, Cache-Control and user metadata. */
public record PutOptions(String contentType, String cacheControl, Map<String, String> metadata) {

    public PutOptions {
        metadata = Map.copyOf(metadata);
    }
}
