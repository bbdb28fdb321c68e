package dev.s3resizer.service.storage;

import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The little the service needs from an object store. Implementations throw
 * {@link StorageException} for failures, saying whether a retry may help.
 */
public interface ObjectStore {

    /** Metadata of the object, or empty when it does not exist. */
    Optional<StoredObject> head(ObjectRef ref);

    /** Opens the object's content; the caller closes the stream. */
    InputStream get(ObjectRef ref);

    /**
     * Opens the object's content unless its stored length is over {@code maxBytes}: then throws
     * {@link dev.s3resizer.core.ImageTooLargeException} before a byte of it is read. By default the
     * length is not known here and the caller bounds its read.
     */
    default InputStream get(ObjectRef ref, long maxBytes) {
        return get(ref);
    }

    void put(ObjectRef target, byte[] body, PutOptions options);

    /** Deletes the object; deleting a missing object is not an error. */
    void delete(ObjectRef ref);

    /** Lists objects under a prefix, lazily across pages, in key order. */
    Stream<StoredObject> list(String bucket, String prefix);
}
