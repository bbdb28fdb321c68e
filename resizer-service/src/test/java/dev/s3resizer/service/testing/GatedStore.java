package dev.s3resizer.service.testing;

import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.PutOptions;
import dev.s3resizer.service.storage.StoredObject;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A real store that stops, once, just before or just after a chosen request on a chosen key, until the test lets
 * it go: the way to interleave two deliveries of one key at an exact point, which a real server
 * cannot be asked to do. Everything else passes straight through.
 *
 * <p>{@code GatedStore store = GatedStore.after(real, "head", "incoming", "cat.jpg"); ... store.awaitPaused(); ... store.release();}
 */
public final class GatedStore implements ObjectStore {

    /** Long: a loaded CI machine may take minutes over the work a gate waits for; JUnit's 5 min timeout still bounds it. */
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final ObjectStore delegate;
    private final String operation;
    private final boolean before;
    private final ObjectRef at;
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private GatedStore(ObjectStore delegate, String operation, boolean before, String bucket, String key) {
        this.delegate = delegate;
        this.operation = operation;
        this.before = before;
        this.at = ObjectRef.of(bucket, key);
    }

    /** Holds the first caller of the operation ({@code head}, {@code get}, {@code put}, {@code delete}) on the key once it returned. */
    public static GatedStore after(ObjectStore delegate, String operation, String bucket, String key) {
        return new GatedStore(delegate, operation, false, bucket, key);
    }

    /** Holds the first caller of the operation on the key before it is sent. */
    public static GatedStore before(ObjectStore delegate, String operation, String bucket, String key) {
        return new GatedStore(delegate, operation, true, bucket, key);
    }

    /** Waits until a caller is held at the gate. */
    public void awaitPaused() throws InterruptedException {
        if (!paused.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("nothing reached the " + operation + " of " + at);
        }
    }

    /** Lets the held caller go on; later calls pass freely. */
    public void release() {
        released.countDown();
    }

    private <T> T gated(String op, ObjectRef ref, Supplier<T> call) {
        boolean hold = op.equals(operation) && ref.plain().equals(at);
        if (hold && before) {
            hold();
        }
        T result = call.get();
        if (hold && !before) {
            hold();
        }
        return result;
    }

    private synchronized void hold() {
        if (paused.getCount() == 0) {
            return;
        }
        paused.countDown();
        try {
            if (!released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the gate at the " + operation + " of " + at + " was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<StoredObject> head(ObjectRef ref) {
        return gated("head", ref, () -> delegate.head(ref));
    }

    @Override
    public InputStream get(ObjectRef ref) {
        return gated("get", ref, () -> delegate.get(ref));
    }

    @Override
    public void put(ObjectRef target, byte[] body, PutOptions options) {
        gated("put", target, () -> {
            delegate.put(target, body, options);
            return null;
        });
    }

    @Override
    public void delete(ObjectRef ref) {
        gated("delete", ref, () -> {
            delegate.delete(ref);
            return null;
        });
    }

    @Override
    public Stream<StoredObject> list(String bucket, String prefix) {
        return delegate.list(bucket, prefix);
    }
}
