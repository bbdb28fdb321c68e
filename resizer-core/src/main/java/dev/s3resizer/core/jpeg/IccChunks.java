package dev.s3resizer.core.jpeg;

import java.awt.color.ICC_Profile;
import java.util.Arrays;

/**
 * Collects the APP2 ICC_PROFILE chunks of a JPEG (a profile may span several segments, each
 * numbered) and reassembles them. {@link #profile()} returns null for sRGB-equivalent profiles,
 * because the pipeline treats null as "already sRGB" and can skip a colour conversion.
 */
final class IccChunks {

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
        try {
            ICC_Profile profile = ICC_Profile.getInstance(bytes);
            return SrgbProfiles.equivalent(profile) ? null : profile;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
