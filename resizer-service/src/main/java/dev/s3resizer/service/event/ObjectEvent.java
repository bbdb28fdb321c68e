package dev.s3resizer.service.event;

import dev.s3resizer.service.storage.ObjectRef;

/**
 * Something happened to a stored object: it was created (put, copy, multipart) or removed.
 *
 * @param kind what happened
 * @param ref  the object, with the key already URL-decoded
 * @param name the event name as sent, e.g. {@code ObjectCreated:Put}
 * @param sequencer where the event falls among the events of its key, or null when the record
 *                  carried none (backfill, retries, hand-written events)
 */
public record ObjectEvent(Kind kind, ObjectRef ref, String name, Sequencer sequencer) {

    public enum Kind { CREATED, REMOVED, OTHER }

    /** An event without a sequencer. */
    public ObjectEvent(Kind kind, ObjectRef ref, String name) {
        this(kind, ref, name, null);
    }

    static Kind kindOf(String eventName) {
        if (eventName == null) {
            return Kind.OTHER;
        }
        String n = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
        if (n.startsWith("ObjectCreated") || n.equals("Object Created")) {
            return Kind.CREATED;
        }
        if (n.startsWith("ObjectRemoved") || n.equals("Object Deleted")) {
            return Kind.REMOVED;
        }
        return Kind.OTHER;
    }
}
