package dev.s3resizer.service.event;

import dev.s3resizer.core.ResizerException;

/** A notification body that is neither an S3, SNS-wrapped nor EventBridge S3 event. Not retryable. */
public class EventParseException extends ResizerException {

    public EventParseException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public String reason() {
        return "bad-event";
    }
}
