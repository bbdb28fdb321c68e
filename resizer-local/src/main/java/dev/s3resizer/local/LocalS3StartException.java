package dev.s3resizer.local;

import dev.s3resizer.core.ResizerException;

/**
 * The local S3 endpoint could not start: the data directory is unusable or the port is taken.
 * Retrying with the same options does not help; the message says what to change.
 *
 * <p>Example: {@code catch (LocalS3StartException e) { System.err.println(e.getMessage()); }}
 */
public class LocalS3StartException extends ResizerException {

    LocalS3StartException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public String reason() {
        return "local-s3-start";
    }
}
