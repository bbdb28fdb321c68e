package dev.s3resizer.service;

import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.storage.ObjectRef;

/**
 * Handling one source object failed. Names the object, keeps the cause's reason and whether a
 * retry can help, so adapters can report it per record and leave retryable work for a retry.
 */
public class ObjectFailure extends ResizerException {

    private final ObjectRef source;
    private final String reason;

    public ObjectFailure(ObjectRef source, ResizerException cause) {
        super(source + ": " + cause.getMessage(), cause.retryable(), cause);
        this.source = source;
        this.reason = cause.reason();
    }

    public ObjectRef source() {
        return source;
    }

    @Override
    public String reason() {
        return reason;
    }
}
