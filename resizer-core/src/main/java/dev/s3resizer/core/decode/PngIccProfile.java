package dev.s3resizer.core.decode;

import dev.s3resizer.core.color.ProfileCache;
import dev.s3resizer.core.jpeg.SrgbProfiles;

import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The ICC profile of a PNG's iCCP chunk, which the JDK's PNG reader does not apply to the pixels.
 * A damaged or oversized profile is ignored, as browsers do, and the pixels are taken as sRGB;
 * so is a profile that is sRGB in all but name ({@link SrgbProfiles}), as for JPEGs: no identity
 * conversion. Profiles are read once per distinct iCCP chunk ({@link ProfileCache}), not per file.
 * Public for the PNG decoders outside this package.
 *
 * <p>{@code ICC_Profile profile = PngIccProfile.from(pngBytes);}
 */
public final class PngIccProfile {

    private static final int MAX_PROFILE_BYTES = 8 << 20;
    private static final ProfileCache<Optional<ICC_Profile>> PROFILES = new ProfileCache<>(32);

    private PngIccProfile() {
    }

    /**
     * The profile of the iCCP chunk before the first IDAT, or null when there is none, it cannot
     * be read or it is sRGB.
     */
    public static ICC_Profile from(byte[] png) {
        int at = 8;
        while (at + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (length < 0 || type.equals("IDAT") || at + 8L + length > png.length) {
                return null;
            }
            if (type.equals("iCCP")) {
                return PROFILES.get(Arrays.copyOfRange(png, at + 8, at + 8 + length), PngIccProfile::read).orElse(null);
            }
            at += 12 + length;
        }
        return null;
    }

    private static Optional<ICC_Profile> read(byte[] chunk) {
        ICC_Profile profile = profile(chunk, 0, chunk.length);
        return profile == null || SrgbProfiles.equivalent(profile) ? Optional.empty() : Optional.of(profile);
    }

    /** Chunk data: a name of 1-79 Latin-1 characters, a NUL, compression method 0, a zlib stream. */
    private static ICC_Profile profile(byte[] png, int data, int length) {
        int nul = data;
        while (nul < data + Math.min(length, 80) && png[nul] != 0) {
            nul++;
        }
        int zlib = nul + 2;
        if (nul >= data + length || zlib > data + length || png[nul + 1] != 0) {
            return null;
        }
        try {
            return ICC_Profile.getInstance(inflate(Arrays.copyOfRange(png, zlib, data + length)));
        } catch (IllegalArgumentException | DataFormatException e) {
            return null;
        }
    }

    private static byte[] inflate(byte[] zlib) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream(zlib.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("iCCP profile data ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE_BYTES) {
                    throw new DataFormatException("iCCP profile over " + MAX_PROFILE_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
