package dev.s3resizer.service;

import dev.s3resizer.core.ResizerException;

/**
 * Two sources map to the same rendition key (e.g. {@code cat.jpg} and {@code cat.png} both give
 * {@code thumb/cat.jpg}): the later one is refused rather than overwriting the other's renditions.
 * Not retryable; a key template with {@code {ext}} keeps both.
 */
public class RenditionCollisionException extends ResizerException {

    public RenditionCollisionException(String message) {
        super(message, false);
    }

    @Override
    public String reason() {
        return "collision";
    }
}
