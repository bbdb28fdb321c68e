package dev.s3resizer.service.testing;

import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.PutOptions;
import dev.s3resizer.service.storage.StoredObject;

import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A store that hands every call to {@link #delegate()}, for test stores that change one operation
 * (a fault a real server cannot be made to produce). {@code get(ref, maxBytes)} is left to
 * {@link ObjectStore}'s default, which calls {@link #get(ObjectRef)}, so an overridden read is the
 * one the service sees.
 *
 * <p>{@code record SlowStore(ObjectStore delegate) implements ForwardingStore { public InputStream get(...) ... }}
 */
public interface ForwardingStore extends ObjectStore {

    ObjectStore delegate();

    @Override
    default Optional<StoredObject> head(ObjectRef ref) {
        return delegate().head(ref);
    }

    @Override
    default InputStream get(ObjectRef ref) {
        return delegate().get(ref);
    }

    @Override
    default void put(ObjectRef target, byte[] body, PutOptions options) {
        delegate().put(target, body, options);
    }

    @Override
    default void delete(ObjectRef ref) {
        delegate().delete(ref);
    }

    @Override
    default Stream<StoredObject> list(String bucket, String prefix) {
        return delegate().list(bucket, prefix);
    }
}
