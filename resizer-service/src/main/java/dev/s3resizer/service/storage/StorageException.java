package dev.s3resizer.service.storage;

import dev.s3resizer.core.ResizerException;

/** Reading or writing the object store failed. Retryable unless the store said the request was wrong. */
public class StorageException extends ResizerException {

    public StorageException(String message, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
    }

    @Override
    public String reason() {
        return "storage";
    }
}
