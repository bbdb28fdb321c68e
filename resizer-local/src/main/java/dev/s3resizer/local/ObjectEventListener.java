package dev.s3resizer.local;

import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;

/**
 * Receives the S3 event notifications of the local endpoint, in the same JSON model AWS sends
 * to Lambda, so one parsing path serves both. Called on a background thread after the object
 * was stored; events for one key arrive in order. Exceptions are logged and do not affect the
 * store.
 *
 * <p>Example: {@code ObjectEventListener listener = event -> queue.add(event.toJson());}
 */
@FunctionalInterface
public interface ObjectEventListener {

    /** Handles one notification holding exactly one record. */
    void onEvent(S3EventNotification event);
}
