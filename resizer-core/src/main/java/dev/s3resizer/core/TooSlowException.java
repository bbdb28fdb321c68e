package dev.s3resizer.core;

/**
 * Rendering the image took longer than its {@link TimeBudget}: a file crafted to cost far more
 * work per pixel than any real one does. Not retryable: the same file takes as long again.
 */
public class TooSlowException extends ResizerException {

    public TooSlowException(String message) {
        super(message, false);
    }

    @Override
    public String reason() {
        return "too-slow";
    }
}
