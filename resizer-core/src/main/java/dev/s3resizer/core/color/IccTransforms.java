package dev.s3resizer.core.color;

import java.awt.color.ICC_Profile;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Our own conversions ({@link MatrixShaper}) of the profiles seen so far, built once per distinct
 * profile: photos of one phone or camera all carry the same bytes. Keyed by the profile's bytes,
 * and, to skip reading them back from the colour engine, by the {@link ICC_Profile} object itself
 * while it lives. Profiles that are not matrix/TRC are remembered too, as having none.
 */
final class IccTransforms {

    /** Distinct profiles kept; far more than a bucket's photos carry. */
    private static final int CAPACITY = 64;

    private static final Map<Key, Optional<MatrixShaper>> BY_BYTES = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Optional<MatrixShaper>> eldest) {
                    return size() > CAPACITY;
                }
            });
    private static final Map<ICC_Profile, Optional<MatrixShaper>> BY_PROFILE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private IccTransforms() {
    }

    /** The conversion of {@code profile}, or null when it is not a matrix/TRC RGB profile. */
    static MatrixShaper of(ICC_Profile profile) {
        Optional<MatrixShaper> known = BY_PROFILE.get(profile);
        if (known == null) {
            known = of(profile.getData());
            BY_PROFILE.put(profile, known);
        }
        return known.orElse(null);
    }

    private static Optional<MatrixShaper> of(byte[] icc) {
        return BY_BYTES.computeIfAbsent(new Key(icc), k -> Optional.ofNullable(MatrixShaper.parse(icc)));
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
