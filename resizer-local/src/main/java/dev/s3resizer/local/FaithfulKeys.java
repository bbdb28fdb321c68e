package dev.s3resizer.local;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which keys a filesystem-backed store can hold as S3 does: as themselves, under no other key's
 * name. S3 keys are any UTF-8 text up to 1024 bytes; a file path resolves '.', '..' and empty
 * segments (so {@code x/./y.jpg}, {@code x//y.jpg} and {@code x;../../name} would land on
 * {@code x/y.jpg} and {@code name}), cannot hold NUL, and limits each name to 255 bytes.
 *
 * <p>{@code FaithfulKeys.problem("x/../y.jpg")} gives "its path segment '..' ...".
 */
final class FaithfulKeys {

    /** S3's limit on a key, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;
    /** The longest file name of the usual filesystems (ext4, XFS, APFS, NTFS in UTF-16 units). */
    static final int MAX_SEGMENT_BYTES = 255;

    private FaithfulKeys() {
    }

    /** True when the key is longer than S3 allows (S3 answers {@code KeyTooLongError}). */
    static boolean tooLong(String key) {
        return key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES;
    }

    /** Why the local store cannot hold {@code key} faithfully, or empty when it can. */
    static Optional<String> problem(String key) {
        if (key.indexOf('\0') >= 0) {
            return Optional.of("it contains a NUL character, which a file name cannot hold");
        }
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty() && !(last && i > 0)) {
                return Optional.of("it has an empty path segment ('//' or a leading '/'), which the local store"
                        + " would merge with its neighbour");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("its path segment '" + segment + "' would be resolved by the local store into"
                        + " another key");
            }
            int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_SEGMENT_BYTES) {
                return Optional.of("a path segment of " + bytes + " bytes is longer than the " + MAX_SEGMENT_BYTES
                        + " bytes a file name can hold");
            }
        }
        return Optional.empty();
    }
}
