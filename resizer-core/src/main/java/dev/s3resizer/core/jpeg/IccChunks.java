package dev.s3resizer.core.jpeg;

import dev.s3resizer.core.color.ProfileCache;

import java.awt.color.ICC_Profile;
import java.util.Arrays;
import java.util.Optional;

/**
 * Collects the APP2 ICC_PROFILE chunks of a JPEG (a profile may span several segments, each
 * numbered) and reassembles them. {@link #profile()} returns null for sRGB-equivalent profiles,
 * because the pipeline treats null as "already sRGB" and can skip a colour conversion. Profiles
 * are read once per distinct profile: every later photo with the same bytes gets the same object.
 */
final class IccChunks {

    private static final ProfileCache<Optional<ICC_Profile>> PROFILES = new ProfileCache<>(32);

    private byte[][] chunks;

    void add(int sequence, int count, byte[] data, int at, int length) {
        if (count < 1 || sequence < 1 || sequence > count) {
            return;
        }
        if (chunks == null || chunks.length != count) {
            chunks = new byte[count][];
        }
        chunks[sequence - 1] = Arrays.copyOfRange(data, at, at + length);
    }

    /** The reassembled bytes, or null when absent or a chunk is missing. */
    byte[] bytes() {
        if (chunks == null) {
            return null;
        }
        int total = 0;
        for (byte[] chunk : chunks) {
            if (chunk == null) {
                return null;
            }
            total += chunk.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }

    /** The embedded profile, or null when absent, unreadable or sRGB-equivalent. */
    ICC_Profile profile() {
        byte[] bytes = bytes();
        if (bytes == null) {
            return null;
        }
        return PROFILES.get(bytes, IccChunks::read).orElse(null);
    }

    private static Optional<ICC_Profile> read(byte[] bytes) {
        try {
            ICC_Profile profile = ICC_Profile.getInstance(bytes);
            return SrgbProfiles.equivalent(profile) ? Optional.empty() : Optional.of(profile);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
