package dev.s3resizer.core;

/** The bytes are not an image, or are an image format this resizer cannot decode. Not retryable. */
public class UnsupportedImageException extends ResizerException {

    public UnsupportedImageException(String message) {
        super(message, false);
    }

    @Override
    public String reason() {
        return "unsupported";
    }
}
