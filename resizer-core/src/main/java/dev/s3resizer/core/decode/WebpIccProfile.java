package dev.s3resizer.core.decode;

import java.awt.color.ICC_Profile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ICC profile of a WebP's ICCP chunk (RIFF container, little-endian chunk sizes padded to even),
 * which libwebp does not apply. A damaged profile is ignored, as browsers do.
 */
final class WebpIccProfile {

    private WebpIccProfile() {
    }

    static ICC_Profile from(byte[] webp) {
        ByteBuffer b = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= webp.length) {
            long length = Integer.toUnsignedLong(b.getInt(at + 4));
            if (at + 8 + length > webp.length) {
                return null;
            }
            if (new String(webp, at, 4, StandardCharsets.ISO_8859_1).equals("ICCP")) {
                try {
                    return ICC_Profile.getInstance(Arrays.copyOfRange(webp, at + 8, at + 8 + (int) length));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            at += 8 + (int) length + (int) (length & 1);
        }
        return null;
    }
}
