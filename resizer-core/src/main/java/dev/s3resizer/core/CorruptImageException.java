package dev.s3resizer.core;

/** The bytes claim to be a supported image but cannot be decoded (truncated, damaged). Not retryable. */
public class CorruptImageException extends ResizerException {

    public CorruptImageException(String message, Throwable cause) {
        super(message, false, cause);
    }

    public CorruptImageException(String message) {
        this(message, null);
    }

    @Override
    public String reason() {
        return "corrupt";
    }
}
