package dev.s3resizer.core.probe;

import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.UnsupportedImageException;

/**
 * Identifies an image from its leading bytes and reads its header. Never decodes pixels, so it is
 * safe on hostile input: a 20000x20000 PNG costs a few header reads here.
 *
 * <p>{@code ImageInfo info = ImageProbe.probe(bytes);}
 */
public final class ImageProbe {

    private ImageProbe() {
    }

    /** The format recognised from the magic number, or null when none matches. */
    public static ImageFormat detect(byte[] data) {
        ByteView b = new ByteView(data);
        if (b.u8(0) == 0xFF && b.u8(1) == 0xD8 && b.u8(2) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (b.ascii(0, "\u0089PNG\r\n\u001a\n")) {
            return ImageFormat.PNG;
        }
        if (b.ascii(0, "GIF87a") || b.ascii(0, "GIF89a")) {
            return ImageFormat.GIF;
        }
        if (b.ascii(0, "BM") && b.length() >= 26) {
            return ImageFormat.BMP;
        }
        if (b.ascii(0, "II*\0") || b.ascii(0, "MM\0*")) {
            return ImageFormat.TIFF;
        }
        if (b.ascii(0, "RIFF") && b.ascii(8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        if (b.ascii(4, "ftyp")) {
            for (String brand : new String[] {"avif", "avis"}) {
                if (b.ascii(8, brand)) {
                    return ImageFormat.AVIF;
                }
            }
            for (String brand : new String[] {"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"}) {
                if (b.ascii(8, brand)) {
                    return ImageFormat.HEIC;
                }
            }
        }
        return null;
    }

    /**
     * Reads the header.
     *
     * @throws UnsupportedImageException when the bytes are empty or no known image format
     * @throws dev.s3resizer.core.CorruptImageException when the header is damaged or truncated
     */
    public static ImageInfo probe(byte[] data) {
        if (data.length == 0) {
            throw new UnsupportedImageException("empty file (0 bytes): not an image");
        }
        ImageFormat format = detect(data);
        if (format == null) {
            throw new UnsupportedImageException("not a supported image: the first bytes (" + preview(data)
                    + ") match no known format (JPEG, PNG, GIF, BMP, TIFF, WebP, HEIC, AVIF)");
        }
        ByteView b = new ByteView(data);
        return switch (format) {
            case JPEG -> JpegHeader.read(b);
            case PNG -> PngHeader.read(b);
            case GIF -> GifHeader.read(b);
            case BMP -> OtherHeaders.bmp(b);
            case TIFF -> TiffHeader.read(b);
            case WEBP -> WebpHeader.read(b);
            case HEIC, AVIF -> OtherHeaders.heif(b, format);
        };
    }

    private static String preview(byte[] data) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(8, data.length); i++) {
            s.append(String.format("%02x", data[i] & 0xFF));
        }
        return "0x" + s;
    }
}
