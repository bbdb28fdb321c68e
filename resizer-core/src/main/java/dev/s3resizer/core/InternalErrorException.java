package dev.s3resizer.core;

/**
 * Something the resizer did not expect went wrong while rendering: a bug, not bad input. It keeps
 * the original throwable as its cause (and the pipeline logs its stack trace), so the bug is
 * reported per object with a clear reason instead of escaping raw. Not retryable: the same file
 * meets the same bug; {@code failures retry --reason internal} after a fix.
 */
public class InternalErrorException extends ResizerException {

    public InternalErrorException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public String reason() {
        return "internal";
    }
}
