package dev.s3resizer.core.color;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was made from each distinct ICC profile seen lately, keyed by the profile's bytes: photos
 * of one phone or camera all carry the same profile, so it is read and turned into a conversion
 * once, not per photo. Least recently used entries go first; thread-safe.
 *
 * <p>{@code ICC_Profile p = PROFILES.get(bytes, ICC_Profile::getInstance);}
 *
 * @param <V> what is kept per profile (never null: use {@code Optional} for "nothing")
 */
public final class ProfileCache<V> {

    private final Map<Key, V> entries;

    /** @param capacity distinct profiles kept; far more than a bucket's photos carry */
    public ProfileCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for {@code profile}, made by {@code make} the first time (outside the lock). */
    public V get(byte[] profile, Function<byte[], V> make) {
        Key key = new Key(profile);
        synchronized (entries) {
            V known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        V made = make.apply(profile);
        synchronized (entries) {
            V raced = entries.putIfAbsent(key, made);
            return raced != null ? raced : made;
        }
    }

    /** Profile bytes compared by content. */
    private record Key(byte[] bytes, int hash) {

        Key(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
