package dev.s3resizer.lambda;

import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.PutOptions;
import dev.s3resizer.service.storage.StoredObject;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The objects of a priming run, in memory, so the service's whole path (read, render, write,
 * failure-record clean-up) runs before the snapshot without touching the function's buckets.
 */
final class PrimingStore implements ObjectStore {

    private record Entry(byte[] body, StoredObject meta) {
    }

    private final Map<String, Entry> objects = new TreeMap<>();

    @Override
    public Optional<StoredObject> head(ObjectRef ref) {
        return Optional.ofNullable(objects.get(id(ref.bucket(), ref.key()))).map(Entry::meta);
    }

    @Override
    public InputStream get(ObjectRef ref) {
        Entry entry = objects.get(id(ref.bucket(), ref.key()));
        return new ByteArrayInputStream(entry == null ? new byte[0] : entry.body());
    }

    @Override
    public void put(ObjectRef target, byte[] body, PutOptions options) {
        ObjectRef stored = new ObjectRef(target.bucket(), target.key(), null, Integer.toHexString(body.length),
                (long) body.length);
        objects.put(id(target.bucket(), target.key()),
                new Entry(body, new StoredObject(stored, options.contentType(), options.metadata())));
    }

    @Override
    public void delete(ObjectRef ref) {
        objects.remove(id(ref.bucket(), ref.key()));
    }

    @Override
    public Stream<StoredObject> list(String bucket, String prefix) {
        String from = id(bucket, prefix);
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(from)).map(e -> e.getValue().meta());
    }

    private static String id(String bucket, String key) {
        return bucket + "/" + key;
    }
}
