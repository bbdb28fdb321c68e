package dev.s3resizer.core.decode;

import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageInfo;

import java.util.EnumMap;
import java.util.Map;

/**
 * Sends each image to the decoder registered for its format, and every other format to a
 * default one: how a fast format-specific decoder sits in front of ImageIO.
 *
 * <p>{@code Decoder d = new FormatDecoder(Map.of(ImageFormat.JPEG, ScaledJpegDecoder.withImageIoFallback()), new ImageIoDecoder());}
 */
public final class FormatDecoder implements Decoder {

    private final Map<ImageFormat, Decoder> byFormat;
    private final Decoder otherwise;

    public FormatDecoder(Map<ImageFormat, Decoder> byFormat, Decoder otherwise) {
        this.byFormat = byFormat.isEmpty() ? Map.of() : new EnumMap<>(byFormat);
        this.otherwise = otherwise;
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, int minWidth, int minHeight) {
        return byFormat.getOrDefault(info.format(), otherwise).decode(data, info, minWidth, minHeight);
    }

    @Override
    public Decoded decode(byte[] data, ImageInfo info, DecodeRequest request) {
        return byFormat.getOrDefault(info.format(), otherwise).decode(data, info, request);
    }

    @Override
    public long memoryNeeded(byte[] data, ImageInfo info, DecodeRequest request) {
        return byFormat.getOrDefault(info.format(), otherwise).memoryNeeded(data, info, request);
    }

    @Override
    public void release(ImageInfo info, Decoded decoded) {
        byFormat.getOrDefault(info.format(), otherwise).release(info, decoded);
    }
}
