package dev.s3resizer.core;

/**
 * Root of every failure the resizer reports. Each subclass says whether trying the same work
 * again can help: a corrupt upload stays corrupt, a storage outage may pass.
 */
public class ResizerException extends RuntimeException {

    private final boolean retryable;

    public ResizerException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public ResizerException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when the same work, tried again later, may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** A short stable name for the failure class, used in logs, metrics and failure records. */
    public String reason() {
        return "error";
    }
}
