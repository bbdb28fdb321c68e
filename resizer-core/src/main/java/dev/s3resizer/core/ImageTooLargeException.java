package dev.s3resizer.core;

/**
 * The image exceeds a configured {@link Limits} bound, found from its header before any pixel is
 * decoded. Not retryable unless the limits are raised.
 */
public class ImageTooLargeException extends ResizerException {

    public ImageTooLargeException(String message) {
        super(message, false);
    }

    /** Refused on what the work met rather than on the header, e.g. an allocation the heap could not hold. */
    public ImageTooLargeException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public String reason() {
        return "too-large";
    }
}
