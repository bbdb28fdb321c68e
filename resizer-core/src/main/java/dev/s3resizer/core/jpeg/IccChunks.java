package dev.s3resizer.core.jpeg;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;
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
            return isSrgb(profile) ? null : profile;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Named sRGB and with sRGB's primaries: converting would change nothing visible. */
    static boolean isSrgb(ICC_Profile profile) {
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
            return false;
        }
        byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (desc == null || !new String(desc, StandardCharsets.ISO_8859_1).replace("\0", "").contains("sRGB")) {
            return false;
        }
        ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
        int[] tags = {ICC_Profile.icSigRedColorantTag, ICC_Profile.icSigGreenColorantTag, ICC_Profile.icSigBlueColorantTag};
        for (int tag : tags) {
            if (!closeXyz(profile.getData(tag), srgb.getData(tag))) {
                return false;
            }
        }
        return true;
    }

    private static boolean closeXyz(byte[] a, byte[] b) {
        if (a == null || b == null || a.length < 20 || b.length < 20) {
            return false;
        }
        for (int i = 8; i < 20; i += 4) {
            int va = (a[i] << 24) | (a[i + 1] & 0xFF) << 16 | (a[i + 2] & 0xFF) << 8 | (a[i + 3] & 0xFF);
            int vb = (b[i] << 24) | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
            if (Math.abs(va - vb) > 0.003 * 65536) {
                return false;
            }
        }
        return true;
    }
}
