package dev.s3resizer.core.color;

import java.awt.color.ICC_Profile;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Our own conversions ({@link MatrixShaper}) of the profiles seen so far, built once per distinct
 * profile. Keyed by the profile's bytes, and, to skip reading them back from the colour engine,
 * by the {@link ICC_Profile} object itself while it lives (the JPEG decoder hands out one object
 * per distinct profile). Profiles that are not matrix/TRC are remembered too, as having none.
 */
final class IccTransforms {

    private static final ProfileCache<Optional<MatrixShaper>> BY_BYTES = new ProfileCache<>(64);
    private static final Map<ICC_Profile, Optional<MatrixShaper>> BY_PROFILE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private IccTransforms() {
    }

    /** The conversion of {@code profile}, or null when it is not a matrix/TRC RGB profile. */
    static MatrixShaper of(ICC_Profile profile) {
        Optional<MatrixShaper> known = BY_PROFILE.get(profile);
        if (known == null) {
            known = BY_BYTES.get(profile.getData(), icc -> Optional.ofNullable(MatrixShaper.parse(icc)));
            BY_PROFILE.put(profile, known);
        }
        return known.orElse(null);
    }
}
